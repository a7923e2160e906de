using GateController.Core.Access;
using GateController.Core.Credentials;
using GateController.Hardware.Wiegand;
using GateController.Tests.Credentials;

namespace GateController.Tests.Hardware.Wiegand;

public sealed class WiegandFuzzTests
{
    [Test]
    public void Random_pulse_trains_never_crash_and_grant_only_the_enrolled_card()
    {
        const long frequency = 1_000_000;
        var enrolled = WiegandEncoder.Encode("H10301:13:13067");
        using var hasher = new PinHasher(new byte[32]);
        var directory = new InMemoryCredentialDirectory(hasher);
        var enrolledCard = WiegandFrameDecoder.Default.Decode(enrolled).Card!.Value;
        directory.TryAddCard("alice", enrolledCard);
        var verifier = new CardVerifier(directory);
        var assembler = new WiegandFrameAssembler(TimeSpan.FromMilliseconds(25), TimeSpan.FromMicroseconds(50), frequency);
        var random = new Random(20_240_601);
        var injected = 0;
        var grants = 0;
        var cards = 0;
        long t = 0;

        void Decide(WiegandFrame frame)
        {
            var result = WiegandFrameDecoder.Default.Decode(frame);
            if (!result.TryGetCard(out var card))
            {
                return;
            }

            cards++;
            var verdict = verifier.Verify(new AccessAttempt("fuzz", new CardCredential(card.Value), frame.LastEdgeTimestamp));
            if (verdict.Result == AccessResult.Granted)
            {
                grants++;
                Assert.That(card.Value, Is.EqualTo(enrolledCard), "only the enrolled card may open the door");
            }
        }

        for (var train = 0; train < 100_000; train++)
        {
            var inject = random.Next(100) == 0;
            var length = inject ? enrolled.BitCount : random.Next(1, 72);
            for (var i = 0; i < length; i++)
            {
                var line = inject
                    ? ((enrolled.Bits >> (enrolled.BitCount - 1 - i)) & 1) == 1 ? WiegandLine.Data1 : WiegandLine.Data0
                    : random.Next(2) == 0 ? WiegandLine.Data0 : WiegandLine.Data1;
                // Mostly reader timing, sometimes glitches closer than any reader, sometimes a pause that splits the train.
                t += inject ? 2_000 : random.Next(20) switch { 0 => random.Next(0, 60), 1 => random.Next(20_000, 40_000), _ => random.Next(200, 5_000) };
                var otherLineLow = !inject && random.Next(500) == 0;
                if (assembler.AddPulse(line, t, otherLineLow, out var completed))
                {
                    Decide(completed);
                }
            }

            injected += inject ? 1 : 0;
            t += 30_000;
            if (assembler.TryCompleteFrame(t, out var frame))
            {
                Decide(frame);
            }
        }

        Assert.That(injected, Is.GreaterThan(500));
        Assert.That(grants, Is.EqualTo(injected), "every clean read of the enrolled card grants, nothing else does");
        Assert.That(cards, Is.GreaterThan(injected), "some random frames pass parity and must still be denied");
    }
}
