using System.Globalization;
using System.Text.Json.Nodes;
using nietras.SeparatedValues;

namespace GateController.Cli.Commands;

/// <summary>
/// Reads an import file into the daemon's rows, and what is wrong with its shape (header, columns, quoting), each
/// with its row (the header is row 1) and column. Values are checked by the daemon, against the store.
/// </summary>
internal static class PersonImportFile
{
    public static (List<JsonObject> Rows, List<(int Row, string Column, string Message)> Problems) Read(TextReader text)
    {
        var rows = new List<JsonObject>();
        var problems = new List<(int, string, string)>();
        try
        {
            // The separator is fixed: auto-detection could take the ';' between two cards for it.
            using var reader = Sep.New(',').Reader(o => o with { Unescape = true, Trim = SepTrim.All, DisableColCountCheck = true }).From(text);
            var columns = reader.Header.ColNames.Select(c => c.ToLowerInvariant()).ToArray();
            if (columns.Length == 0 || (columns.Length == 1 && columns[0].Length == 0))
            {
                problems.Add((1, "", $"the file is empty; expected a header row: {string.Join(',', PersonCsvColumns.All)}"));
                return (rows, problems);
            }

            CheckHeader(columns, problems);
            if (problems.Count > 0)
            {
                return (rows, problems);
            }

            foreach (var row in reader)
            {
                if (row.ColCount != columns.Length)
                {
                    problems.Add((row.LineNumberFrom, "", $"{row.ColCount} fields; the header has {columns.Length}"));
                    continue;
                }

                var values = new string[row.ColCount];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = row[i].ToString();
                }

                rows.Add(Row(row.LineNumberFrom, columns, i => values[i]));
            }
        }
        catch (InvalidDataException exception)
        {
            problems.Add((0, "", $"not readable as CSV: {exception.Message}"));
        }

        return (rows, problems);
    }

    private static void CheckHeader(string[] columns, List<(int, string, string)> problems)
    {
        foreach (var column in columns)
        {
            if (PersonCsvColumns.Never.Contains(column))
            {
                problems.Add((1, column, "an import never takes a PIN or a face: PINs are set by their owner (gatectl pin set), faces enrolled with consent (gatectl face enroll)"));
            }
            else if (!PersonCsvColumns.All.Contains(column))
            {
                problems.Add((1, column, $"unknown column; expected {string.Join(", ", PersonCsvColumns.All)}"));
            }
        }

        foreach (var required in new[] { PersonCsvColumns.Id, PersonCsvColumns.Name })
        {
            if (!columns.Contains(required))
            {
                problems.Add((1, required, "this column is required"));
            }
        }
    }

    private static JsonObject Row(int row, string[] columns, Func<int, string> field)
    {
        string Value(string column) => Array.IndexOf(columns, column) is var i and >= 0 ? field(i) : "";
        JsonArray List(string column) => [.. Value(column).Split(PersonCsvColumns.Separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(v => (JsonNode)v)];
        return new JsonObject
        {
            ["row"] = row,
            ["id"] = Value(PersonCsvColumns.Id),
            ["name"] = Value(PersonCsvColumns.Name),
            ["cards"] = List(PersonCsvColumns.Cards),
            ["groups"] = List(PersonCsvColumns.Groups),
            ["validFrom"] = Value(PersonCsvColumns.ValidFrom),
            ["validUntil"] = Value(PersonCsvColumns.ValidUntil),
        };
    }
}
