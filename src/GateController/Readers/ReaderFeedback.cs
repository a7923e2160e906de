using System.Device.Gpio;
using GateController.Core.Events;
using GateController.Hardware.Feedback;
using Microsoft.Extensions.Options;

namespace GateController.Readers;

/// <summary>
/// Answers each decision with light and sound at the reader or keypad that produced it (the event's
/// <c>Reader</c>): one <see cref="FeedbackPlayer"/> per configured <c>Feedback</c> section. The engine
/// publishes after it has driven the relay, and <see cref="FeedbackPlayer.Play(GateController.Core.Access.AccessResult)"/>
/// switches the first lines and returns; a timer plays the rest, so the decision thread never waits.
/// </summary>
internal sealed class ReaderFeedback : IAccessEventSink, IDisposable
{
    private readonly Dictionary<string, FeedbackPlayer> _players = new(StringComparer.Ordinal);
    private readonly List<FeedbackPlayer> _owned = [];

    public ReaderFeedback(GpioController gpio, IOptions<AccessPointOptions> options, TimeProvider time, ILoggerFactory loggerFactory)
    {
        var logger = loggerFactory.CreateLogger<ReaderFeedback>();
        foreach (var feedback in options.Value.Feedback)
        {
            FeedbackPlayer player;
            try
            {
                player = new FeedbackPlayer(gpio, feedback.Options, time, loggerFactory.CreateLogger<FeedbackPlayer>());
            }
            catch (Exception exception) when (exception is IOException or InvalidOperationException or UnauthorizedAccessException)
            {
                Log.FeedbackFailed(logger, string.Join(", ", feedback.ReaderIds), exception);
                continue;
            }

            _owned.Add(player);
            foreach (var id in feedback.ReaderIds)
            {
                _players.TryAdd(id, player);
            }
        }
    }

    public void Publish(AccessEvent accessEvent)
    {
        ArgumentNullException.ThrowIfNull(accessEvent);
        if (_players.TryGetValue(accessEvent.Reader, out var player))
        {
            try
            {
                player.Play(accessEvent.Result);
            }
            catch (ObjectDisposedException)
            {
                // A decision finishing while the daemon shuts down: the lines are already off.
            }
        }
    }

    public void Dispose()
    {
        foreach (var player in _owned)
        {
            player.Dispose();
        }
    }
}
