using GateController.Cli.Commands;
using GateController.Core.Access;
using GateController.Privacy;
using GateController.Tests.Storage;

namespace GateController.Tests.Privacy;

/// <summary>Cards and PINs in the data-subject report (<c>person show</c>): listed, masked, never whole.</summary>
public sealed class PersonReportCredentialTests
{
    private static readonly CardNumber Card = new("H10301", 13, 13067, 26, 0);

    [Test]
    public void The_report_lists_the_card_masked_and_the_PIN_as_set_in_JSON_and_text_without_the_number_or_digits()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        store.AddPerson("A-1", "Card Holder");
        sandbox.Time.Advance(TimeSpan.FromHours(1));
        var cardAddedAt = sandbox.Time.GetUtcNow();
        Assert.That(store.AddCard("A-1", Card).Succeeded, Is.True);
        sandbox.Time.Advance(TimeSpan.FromHours(1));
        var pinSetAt = sandbox.Time.GetUtcNow();
        Assert.That(store.SetPin("A-1", "2580", duress: false).Succeeded, Is.True);

        Assert.That(store.TryReportPerson("A-1", out var report), Is.True);

        var card = report!.Cards.Single();
        Assert.That((card.Format, card.Masked, card.AddedAt), Is.EqualTo(("H10301", "H10301:13:…67", cardAddedAt)));
        Assert.That(report.Pins.Select(p => (p.Kind, p.IsSet, p.SetAt)),
            Is.EqualTo(new (string, bool, DateTimeOffset?)[] { ("normal", true, pinSetAt), ("duress", false, null) }));
        Assert.That(report.Damaged, Is.Empty);
        var json = PersonReportJson.From(report);
        var text = PersonShowCommand.Render(json);
        Assert.That(json["cards"]![0]!["masked"]!.GetValue<string>(), Is.EqualTo("H10301:13:…67"));
        Assert.That(text, Does.Contain("card #1: H10301:13:…67, added " + cardAddedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var output in new[] { json.ToJsonString(), text })
        {
            Assert.That(output, Does.Not.Contain("13067").And.Not.Contain("2580"), "never the whole card number or the PIN");
        }

        Assert.That(json["pins"]![0]!["set"]!.GetValue<bool>(), Is.True);
        Assert.That(text, Does.Contain("normal PIN: set").And.Contain("duress PIN: not set"));
    }

    [Test]
    public void A_card_enrolled_by_raw_bits_is_listed_masked()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        store.AddPerson("A-1", "Raw Holder");
        Assert.That(store.AddCard("A-1", new CardNumber("Raw", null, 0x2A0330A, 26, 0x2A0330A)).Succeeded, Is.True);

        Assert.That(store.TryReportPerson("A-1", out var report), Is.True);

        var card = report!.Cards.Single();
        Assert.That(card.Masked, Is.EqualTo(new CardNumber("Raw", null, 0x2A0330A, 26, 0x2A0330A).ToString()));
        Assert.That(PersonReportJson.From(report).ToJsonString(), Does.Not.Contain(0x2A0330A.ToString(System.Globalization.CultureInfo.InvariantCulture)).And.Not.Contain("2A0330A"));
    }
}
