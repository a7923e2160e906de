namespace GateController.Cli.Commands;

/// <summary>
/// The columns of <c>person import</c> and <c>person export</c> files, in order. Cards and groups hold several values
/// separated by <c>;</c> (<c>H10301:13:13067;H10301:13:13068</c>); dates are yyyy-MM-dd, both inclusive, in the site's zone.
/// </summary>
internal static class PersonCsvColumns
{
    public const string Id = "id";
    public const string Name = "name";
    public const string Cards = "cards";
    public const string Groups = "groups";
    public const string ValidFrom = "valid_from";
    public const string ValidUntil = "valid_until";
    public const char Separator = ';';

    public static readonly string[] All = [Id, Name, Cards, Groups, ValidFrom, ValidUntil];

    /// <summary>Columns refused outright: a PIN is typed by its owner, a face taken with consent, never from a file.</summary>
    public static readonly string[] Never = ["pin", "duress_pin", "face", "photo", "template"];
}
