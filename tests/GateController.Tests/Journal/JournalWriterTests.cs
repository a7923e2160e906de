using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using GateController.Core.Access;
using GateController.Core.Events;
using GateController.Core.Pseudonyms;
using GateController.Journal;
using GateController.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace GateController.Tests.Journal;

/// <summary>The native journal protocol against a datagram socket the test binds, standing in for journald.</summary>
public sealed class JournalWriterTests
{
    [Test]
    public async Task A_decision_reaches_the_socket_as_structured_fields_with_only_a_pseudonymous_person()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        var socketPath = Path.Combine(sandbox.DataDirectory, "journal.sock");
        using var journald = Bind(socketPath);
        using var writer = new JournalWriter(
            Microsoft.Extensions.Options.Options.Create(new JournalOptions { SocketPath = socketPath }), store, NullLogger<JournalWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);

        new JournalAccessEventSink(writer).Publish(
            new AccessEvent(7, sandbox.Time.GetUtcNow(), AccessMethod.Card, "front", "RESIDENT-1203", AccessResult.Granted, "card", TimeSpan.FromMilliseconds(4)));
        var datagram = await ReceiveAsync(journald);
        await writer.StopAsync(CancellationToken.None);

        var fields = Parse(datagram);
        Assert.That(fields["SYSLOG_IDENTIFIER"], Is.EqualTo("gate-controller"));
        Assert.That(fields["GATE_EVENT"], Is.EqualTo("decision"));
        Assert.That((fields["GATE_METHOD"], fields["GATE_RESULT"], fields["GATE_REASON"], fields["GATE_READER"]), Is.EqualTo(("Card", "Granted", "card", "front")));
        Assert.That(fields["PRIORITY"], Is.EqualTo("6"));
        Assert.That(fields["MESSAGE"], Is.EqualTo("Card at front: Granted (card)"));
        Assert.That(fields["GATE_PERSON"], Does.Match("^[0-9a-f]{16}$"));
        Assert.That(Encoding.UTF8.GetString(datagram), Does.Not.Contain("RESIDENT-1203").And.Not.Contain("1203"), "the resident id never reaches journald");
    }

    [Test]
    public void The_same_person_gets_the_same_pseudonym_and_another_person_another()
    {
        var key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        using var pseudonym = new PersonPseudonym([.. key]);
        using var again = new PersonPseudonym([.. key]);

        Assert.That(pseudonym.Of("A-1"), Is.EqualTo(again.Of("A-1")));
        Assert.That(pseudonym.Of("A-1"), Is.Not.EqualTo(pseudonym.Of("A-2")));
    }

    [Test]
    public void A_value_with_a_newline_uses_the_binary_safe_length_prefixed_form()
    {
        var datagram = JournalDatagram.Encode([("MESSAGE", "two\nlines"), ("GATE_EVENT", "decision")]);

        var expected = new List<byte>(Encoding.ASCII.GetBytes("MESSAGE\n"));
        var length = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, 9);
        expected.AddRange(length);
        expected.AddRange(Encoding.ASCII.GetBytes("two\nlines\nGATE_EVENT=decision\n"));
        Assert.That(datagram, Is.EqualTo(expected.ToArray()));
        Assert.That(Parse(datagram)["MESSAGE"], Is.EqualTo("two\nlines"));
    }

    [Test]
    public async Task With_no_journal_socket_the_writer_is_silently_off_and_never_blocks()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        using var writer = new JournalWriter(
            Microsoft.Extensions.Options.Options.Create(new JournalOptions { SocketPath = Path.Combine(sandbox.DataDirectory, "missing.sock") }),
            store, NullLogger<JournalWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        await (writer.ExecuteTask ?? Task.CompletedTask);

        for (var i = 0; i < 10_000; i++)
        {
            writer.Enqueue(JournalEntry.Duress("A-1", "lobby"));
        }

        await writer.StopAsync(CancellationToken.None);
        Assert.That(writer.ExecuteTask!.IsCompletedSuccessfully, Is.True);
    }

    private static Socket Bind(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        return socket;
    }

    private static async Task<byte[]> ReceiveAsync(Socket socket)
    {
        var buffer = new byte[64 * 1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var received = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
        return buffer[..received];
    }

    /// <summary>journald's parser: NAME=value lines, or NAME, newline, u64 LE length, value, newline.</summary>
    private static Dictionary<string, string> Parse(byte[] datagram)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var position = 0;
        while (position < datagram.Length)
        {
            var end = Array.IndexOf(datagram, (byte)'\n', position);
            var line = datagram.AsSpan(position, end - position);
            var equals = line.IndexOf((byte)'=');
            if (equals >= 0)
            {
                fields.Add(Encoding.ASCII.GetString(line[..equals]), Encoding.UTF8.GetString(line[(equals + 1)..]));
                position = end + 1;
                continue;
            }

            var length = (int)BinaryPrimitives.ReadUInt64LittleEndian(datagram.AsSpan(end + 1, 8));
            fields.Add(Encoding.ASCII.GetString(line), Encoding.UTF8.GetString(datagram, end + 9, length));
            Assert.That(datagram[end + 9 + length], Is.EqualTo((byte)'\n'));
            position = end + 10 + length;
        }

        return fields;
    }
}
