using GateController.Face;
using GateController.Storage.Store;
using GateController.Tests.Storage;
using GateController.Vision.Detection;
using GateController.Vision.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GateController.Tests.Face;

/// <summary>
/// The face path's template load over a real store, without opening the ONNX models: templates of
/// another embedder (an upgrade changed the default) are reported, not silently dropped.
/// </summary>
public sealed class FacePathTemplateLoadTests
{
    private const string PreviousEmbedderModelId = "sha256-of-the-previous-embedder";
    private StoreSandbox _sandbox = null!;
    private GateStore _store = null!;
    private RecordingLoggerProvider _logs = null!;
    private FacePath _facePath = null!;

    [SetUp]
    public void OpenStoreAndFacePath()
    {
        _sandbox = new StoreSandbox();
        _store = _sandbox.Open();
        _logs = new RecordingLoggerProvider();
        _facePath = NewFacePath(_store, _logs);
    }

    [TearDown]
    public void CloseStoreAndFacePath()
    {
        _logs.Dispose();
        _store.Dispose();
        _sandbox.Dispose();
    }

    [Test]
    public void Templates_of_another_embedder_are_left_out_warned_about_and_counted_in_status()
    {
        var consent = StoreSandbox.Consent(_sandbox.Time.GetUtcNow());
        _store.AddPerson("A-1", "One");
        _store.AddPerson("B-2", "Two");
        _store.AddFaceTemplates("A-1", [StoreSandbox.Embedding(1)], _facePath.EmbedderModelId, consent);
        _store.AddFaceTemplates("B-2", [StoreSandbox.Embedding(2), StoreSandbox.Embedding(3)], PreviousEmbedderModelId, consent);

        _facePath.LoadTemplates();

        Assert.That((_facePath.Index.Count, _facePath.Index.PersonCount), Is.EqualTo((1, 1)));
        var facts = _facePath.GetStatus().Facts;
        Assert.That((facts["otherModelTemplates"], facts["otherModelPersons"]), Is.EqualTo((2, 1)));
        var warning = _logs.Entries.Single(e => e.EventId.Id == 5206);
        Assert.That(warning.Level, Is.EqualTo(LogLevel.Warning));
        Assert.That(warning.Message, Does.StartWith("2 face templates of 1 persons were enrolled with another embedder model")
            .And.Contain(ModelOptions.DefaultEmbedder)
            .And.Contain("gatectl face enroll")
            .And.Contain("Vision:Models:Embedder"));
        Assert.That(_logs.Entries.Select(e => e.Message), Has.None.Contains("Two"), "names never reach the log");
    }

    [Test]
    public void The_status_count_follows_a_re_enrolment_and_an_erasure_without_a_restart()
    {
        var consent = StoreSandbox.Consent(_sandbox.Time.GetUtcNow());
        _store.AddPerson("A-1", "One");
        _store.AddPerson("B-2", "Two");
        _store.AddFaceTemplates("A-1", [StoreSandbox.Embedding(1), StoreSandbox.Embedding(2)], PreviousEmbedderModelId, consent);
        _store.AddFaceTemplates("B-2", [StoreSandbox.Embedding(3)], PreviousEmbedderModelId, consent);
        _facePath.LoadTemplates();

        var again = _store.AddFaceTemplates("A-1", [StoreSandbox.Embedding(4)], _facePath.EmbedderModelId, consent);
        _facePath.OtherModelTemplatesDeleted();
        var afterReEnrolment = _facePath.GetStatus().Facts;
        _store.DeletePerson("B-2");
        _facePath.RemovePerson("B-2");
        var afterErasure = _facePath.GetStatus().Facts;

        Assert.That(again.Value!.OtherModelTemplatesDeleted, Is.EqualTo(2));
        Assert.That((afterReEnrolment["otherModelTemplates"], afterReEnrolment["otherModelPersons"]), Is.EqualTo((1, 1)));
        Assert.That((afterErasure["otherModelTemplates"], afterErasure["otherModelPersons"]), Is.EqualTo((0, 0)));
    }

    [Test]
    public void Templates_all_of_the_configured_embedder_give_no_warning_and_a_zero_count()
    {
        _store.AddPerson("A-1", "One");
        _store.AddFaceTemplates("A-1", [StoreSandbox.Embedding(1)], _facePath.EmbedderModelId, StoreSandbox.Consent(_sandbox.Time.GetUtcNow()));

        _facePath.LoadTemplates();

        Assert.That(_facePath.Index.Count, Is.EqualTo(1));
        Assert.That(_facePath.GetStatus().Facts["otherModelTemplates"], Is.Zero);
        Assert.That(_logs.Entries.Where(e => e.Level >= LogLevel.Warning), Is.Empty);
    }

    private static FacePath NewFacePath(GateStore store, RecordingLoggerProvider logs)
    {
        var models = new ModelOptions();
        return new FacePath(
            Options.Create(models),
            Options.Create(new FaceDetectorOptions()),
            Options.Create(new FacePathOptions()),
            Options.Create(new FaceLivenessOptions()),
            Options.Create(new GateController.Vision.Quality.FaceQualityOptions()),
            new FaceRefusals(),
            store,
            new ModelFetcher(models),
            new LoggerFactory([logs]));
    }
}
