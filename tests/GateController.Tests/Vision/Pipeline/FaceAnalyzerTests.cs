using GateController.Vision.Imaging;
using GateController.Vision.Matching;
using GateController.Vision.Pipeline;

namespace GateController.Tests.Vision.Pipeline;

/// <summary>
/// Enrols photo 01 of every other person of ../shared/faces, then shows the analyser every other photo:
/// enrolled people are recognised, people who are not enrolled are refused at the default threshold.
/// </summary>
public sealed class FaceAnalyzerTests
{
    private static readonly string[] Enrolled = [.. FaceData.Persons.Where((_, i) => i % 2 == 0)];
    private static readonly string[] NotEnrolled = [.. FaceData.Persons.Where((_, i) => i % 2 == 1)];
    private FaceAnalyzer _analyzer = null!;

    [OneTimeSetUp]
    public void EnrolEveryOtherPerson()
    {
        _analyzer = new FaceAnalyzer(SharedVision.Detector, SharedVision.Embedder, new TemplateIndex(SharedVision.Embedder.Dimension));
        foreach (var person in Enrolled)
        {
            var path = FaceData.EnrolmentPhotoOf(person);
            using var photo = FaceImage.Load(path);
            _analyzer.Index.Add(person, _analyzer.EmbedSingleFace(photo, path));
        }
    }

    [OneTimeTearDown]
    public void CloseAnalyzer() => _analyzer.Dispose();

    private FaceAnalysis Analyze(string path)
    {
        using var photo = FaceImage.Load(path);
        return _analyzer.Analyze(photo);
    }

    [Test]
    public void Identify_recognises_most_other_photos_of_enrolled_people_and_never_as_someone_else()
    {
        var probes = Enrolled.SelectMany(p => FaceData.ProbesOf(p).Select(path => (Person: p, Path: path))).ToList();
        var accepted = 0;
        foreach (var (person, path) in probes)
        {
            var match = Analyze(path).Deciding!.Value.Match!.Value;
            if (match.Similarity >= SharedVision.Threshold)
            {
                Assert.That(match.PersonId, Is.EqualTo(person), $"{path} was taken for {match.PersonId}");
                accepted++;
            }
        }

        // Calibration on all persons gives a TAR of about 89 % at the default threshold (README).
        Assert.That(accepted / (double)probes.Count, Is.GreaterThanOrEqualTo(0.8), $"{accepted} of {probes.Count} recognised");
    }

    [Test]
    public void Identify_rejects_people_who_are_not_enrolled()
    {
        foreach (var path in NotEnrolled.SelectMany(FaceData.PhotosOf))
        {
            var match = Analyze(path).Deciding!.Value.Match!.Value;

            Assert.That(match.Similarity, Is.LessThan(SharedVision.Threshold), $"{path} looked like {match.PersonId}");
        }
    }

    [Test]
    public void Analyze_lists_every_face_with_the_largest_first_and_only_that_one_matched()
    {
        var analysis = Analyze(FaceData.PathOf("groups/couple.jpg"));

        Assert.That(analysis.Faces, Has.Count.EqualTo(2));
        Assert.That(analysis.Faces[0].Detection.Area, Is.GreaterThan(analysis.Faces[1].Detection.Area));
        Assert.That(analysis.Faces[0].Match, Is.Not.Null);
        Assert.That(analysis.Faces[1].Match, Is.Null);
        Assert.That(analysis.Timings.Select(t => t.Stage), Is.EqualTo(new[] { "detect", "select", "align", "embed", "match" }));
    }

    [Test]
    public void Analyze_of_a_photo_without_a_face_finds_nothing_and_gives_no_credential()
    {
        var analysis = Analyze(FaceData.PathOf("negatives/rocket.jpg"));

        Assert.That(analysis.Faces, Is.Empty);
        Assert.That(analysis.ToCredential(), Is.Null);
    }

    [Test]
    public void Analyze_turns_the_deciding_face_into_a_credential_for_the_decision_engine()
    {
        var person = Enrolled[0];

        var credential = Analyze(FaceData.EnrolmentPhotoOf(person)).ToCredential()!;

        Assert.That(credential.PersonId, Is.EqualTo(person));
        Assert.That(credential.Similarity, Is.GreaterThan(0.99f));
        Assert.That(credential.SecondPersonId, Is.Not.EqualTo(person));
    }

    [Test]
    public async Task Analyze_finds_the_walkers_in_a_frame_of_the_simulation_video()
    {
        using var camera = new GateController.Vision.Camera.CameraFrameSource(
            new GateController.Vision.Camera.CameraOptions { Source = ModelCacheSetup.PathOf("people_walking_to_camera.mp4") },
            GateController.Vision.Imaging.ImageSizeLimit.Largest, TimeProvider.System);
        camera.Start();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var frame = await camera.NextFrameAsync(timeout.Token);

        var analysis = _analyzer.Analyze(frame.Image);

        // SOURCES.md: YuNet finds 4-8 faces per frame of this clip at 640 px.
        Assert.That(analysis.Faces, Has.Count.InRange(3, 10));
        Assert.That(analysis.Deciding!.Value.Detection.Width, Is.GreaterThan(40));
    }

    [TestCase("negatives/rocket.jpg")]
    [TestCase("negatives/cat_chelsea.png")]
    public void Enrolment_refuses_a_photo_without_a_face(string relative)
    {
        var path = FaceData.PathOf(relative);
        using var photo = FaceImage.Load(path);

        Assert.That(() => _analyzer.EmbedSingleFace(photo, path),
            Throws.TypeOf<FaceEnrolmentException>().With.Message.EqualTo($"no face found in {path}; enrolment needs exactly one"));
    }

    [Test]
    public void Enrolment_refuses_a_photo_with_two_faces()
    {
        var path = FaceData.PathOf("groups/couple.jpg");
        using var photo = FaceImage.Load(path);

        Assert.That(() => _analyzer.EmbedSingleFace(photo, path),
            Throws.TypeOf<FaceEnrolmentException>().With.Message.EqualTo($"2 faces found in {path}; enrolment needs exactly one"));
    }

    [Test]
    public void Enrolment_refuses_a_corrupt_image_before_it_reaches_the_models()
    {
        var path = Path.Combine(Path.GetTempPath(), $"corrupt-{Guid.NewGuid():N}.jpg");
        var bytes = File.ReadAllBytes(FaceData.EnrolmentPhotoOf(Enrolled[0]));
        File.WriteAllBytes(path, bytes[..32]);
        try
        {
            Assert.That(() => FaceImage.Load(path),
                Throws.TypeOf<ImageDecodeException>().With.Message.StartsWith($"{path} is not a readable image (expected JPEG or PNG)"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Embeddings_are_unit_length()
    {
        using var photo = FaceImage.Load(FaceData.EnrolmentPhotoOf(Enrolled[0]));

        var embedding = _analyzer.EmbedSingleFace(photo);

        Assert.That(MathF.Sqrt(embedding.Sum(v => v * v)), Is.EqualTo(1f).Within(1e-5));
    }
}
