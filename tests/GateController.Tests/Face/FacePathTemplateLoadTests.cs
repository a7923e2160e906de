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

    [Test]
    public void Templates_of_another_embedder_are_left_out_warned_about_and_counted_in_status()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        using var logs = new RecordingLoggerProvider();
        using var facePath = NewFacePath(store, logs);
        var consent = StoreSandbox.Consent(sandbox.Time.GetUtcNow());
        store.AddPerson("A-1", "One");
        store.AddPerson("B-2", "Two");
        store.AddFaceTemplates("A-1", [StoreSandbox.Embedding(1)], facePath.EmbedderModelId, consent);
        store.AddFaceTemplates("B-2", [StoreSandbox.Embedding(2), StoreSandbox.Embedding(3)], PreviousEmbedderModelId, consent);

        facePath.LoadTemplates();

        Assert.That((facePath.Index.Count, facePath.Index.PersonCount), Is.EqualTo((1, 1)));
        var facts = facePath.GetStatus().Facts;
        Assert.That((facts["otherModelTemplates"], facts["otherModelPersons"]), Is.EqualTo((2, 1)));
        var warning = logs.Entries.Single(e => e.EventId.Id == 5206);
        Assert.That(warning.Level, Is.EqualTo(LogLevel.Warning));
        Assert.That(warning.Message, Does.StartWith("2 face templates of 1 persons were enrolled with another embedder model")
            .And.Contain(ModelOptions.DefaultEmbedder)
            .And.Contain("gatectl face enroll")
            .And.Contain("Vision:Models:Embedder"));
        Assert.That(logs.Entries.Select(e => e.Message), Has.None.Contains("Two"), "names never reach the log");
    }

    [Test]
    public void The_status_count_follows_a_re_enrolment_and_an_erasure_without_a_restart()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        using var logs = new RecordingLoggerProvider();
        using var facePath = NewFacePath(store, logs);
        var consent = StoreSandbox.Consent(sandbox.Time.GetUtcNow());
        store.AddPerson("A-1", "One");
        store.AddPerson("B-2", "Two");
        store.AddFaceTemplates("A-1", [StoreSandbox.Embedding(1), StoreSandbox.Embedding(2)], PreviousEmbedderModelId, consent);
        store.AddFaceTemplates("B-2", [StoreSandbox.Embedding(3)], PreviousEmbedderModelId, consent);
        facePath.LoadTemplates();

        var again = store.AddFaceTemplates("A-1", [StoreSandbox.Embedding(4)], facePath.EmbedderModelId, consent);
        facePath.OtherModelTemplatesDeleted();
        var afterReEnrolment = facePath.GetStatus().Facts;
        store.DeletePerson("B-2");
        facePath.RemovePerson("B-2");
        var afterErasure = facePath.GetStatus().Facts;

        Assert.That(again.Value!.OtherModelTemplatesDeleted, Is.EqualTo(2));
        Assert.That((afterReEnrolment["otherModelTemplates"], afterReEnrolment["otherModelPersons"]), Is.EqualTo((1, 1)));
        Assert.That((afterErasure["otherModelTemplates"], afterErasure["otherModelPersons"]), Is.EqualTo((0, 0)));
    }

    [Test]
    public void Templates_all_of_the_configured_embedder_give_no_warning_and_a_zero_count()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        using var logs = new RecordingLoggerProvider();
        using var facePath = NewFacePath(store, logs);
        store.AddPerson("A-1", "One");
        store.AddFaceTemplates("A-1", [StoreSandbox.Embedding(1)], facePath.EmbedderModelId, StoreSandbox.Consent(sandbox.Time.GetUtcNow()));

        facePath.LoadTemplates();

        Assert.That(facePath.Index.Count, Is.EqualTo(1));
        Assert.That(facePath.GetStatus().Facts["otherModelTemplates"], Is.Zero);
        Assert.That(logs.Entries.Where(e => e.Level >= LogLevel.Warning), Is.Empty);
    }

    private static FacePath NewFacePath(GateStore store, RecordingLoggerProvider logs)
    {
        var models = new ModelOptions();
        return new FacePath(
            Options.Create(models),
            Options.Create(new FaceDetectorOptions()),
            Options.Create(new FacePathOptions()),
            store,
            new ModelFetcher(models),
            new LoggerFactory([logs]));
    }
}
