namespace LicenseAllocation.Application.Deployments;

/// <summary>One record of a text export: its fields and the line it starts on (the header is line 1).</summary>
internal readonly record struct TextRecord(int Row, string[] Fields);

/// <summary>
/// Reads delimited text as RFC 4180 says and console exports write it: fields in double quotes may hold the delimiter,
/// line breaks and doubled quotes; a record ends at CR, LF or CRLF outside quotes. The delimiter is the one named, or
/// the one of <c>,</c> <c>;</c> and tab that the header uses most (an Excel hint line <c>sep=;</c> names it too).
/// </summary>
internal static class CsvRecords
{
    private static readonly char[] _candidates = [',', ';', '\t'];

    public static char Detect(string text, char? named, string? headerHint = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (named is { } delimiter)
        {
            return delimiter;
        }

        if (SeparatorHint(text) is { } hinted)
        {
            return hinted;
        }

        // The line of the table's header (consoles write a title above it), else the first line.
        var from = 0;
        if (!string.IsNullOrEmpty(headerHint) && text.IndexOf(headerHint, StringComparison.OrdinalIgnoreCase) is >= 0 and var at)
        {
            from = text.LastIndexOfAny(['\r', '\n'], at) + 1;
        }

        var counts = new int[_candidates.Length];
        var quoted = false;
        foreach (var ch in text.AsSpan(from))
        {
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && ch is '\r' or '\n')
            {
                break;
            }
            else if (!quoted && Array.IndexOf(_candidates, ch) is >= 0 and var index)
            {
                counts[index]++;
            }
        }

        var best = 0;
        for (var i = 1; i < counts.Length; i++)
        {
            best = counts[i] > counts[best] ? i : best;
        }

        return _candidates[best];
    }

    private static char? SeparatorHint(string text) =>
        text.Length >= 5 && text.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) && (text.Length == 5 || text[5] is '\r' or '\n')
            ? text[4]
            : null;

    /// <summary>
    /// The records of <paramref name="text"/>; <paramref name="issue"/> is set (and reading stops) when a limit is
    /// passed or a quote never closes.
    /// </summary>
    public static List<TextRecord> Read(string text, char delimiter, DeploymentOptions options, out DeploymentIssue? issue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        issue = null;
        var records = new List<TextRecord>();
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var line = 1;
        var start = 1;
        var i = 0;
        if (SeparatorHint(text) is not null)
        {
            i = text.IndexOfAny(['\r', '\n']);
            i = i < 0 ? text.Length : i + (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1);
        }

        var quoted = false;
        var any = false;
        for (; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    line += ch == '\n' || (ch == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')) ? 1 : 0;
                    field.Append(ch);
                }

                continue;
            }

            if (ch == '"' && field.Length == 0)
            {
                quoted = true;
                any = true;
            }
            else if (ch == delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
                any = true;
            }
            else if (ch is '\r' or '\n')
            {
                if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                if (!End(ref issue))
                {
                    return records;
                }

                line++;
                start = line;
            }
            else
            {
                field.Append(ch);
                any = true;
            }

            if (issue is null && field.Length > options.MaxFieldLength * 4)
            {
                // A field beyond any reason: stop reading rather than hold it (the row is refused as too long below).
                issue = new DeploymentIssue(DeploymentErrorCode.DeviceFieldTooLong, start) { Limit = options.MaxFieldLength };
                return records;
            }
        }

        if (quoted)
        {
            issue = new DeploymentIssue(DeploymentErrorCode.ReportUnterminatedQuote, start);
            return records;
        }

        End(ref issue);
        return records;

        bool End(ref DeploymentIssue? found)
        {
            if (!any)
            {
                return true; // a blank line
            }

            fields.Add(field.ToString());
            field.Clear();
            any = false;
            if (fields.Count > options.MaxColumns)
            {
                found = new DeploymentIssue(DeploymentErrorCode.ReportTooManyColumns, start) { Limit = options.MaxColumns };
                return false;
            }

            if (records.Count > options.MaxRows)
            {
                found = new DeploymentIssue(DeploymentErrorCode.ReportTooManyRows) { Limit = options.MaxRows };
                return false;
            }

            if (records.Count % 5_000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            records.Add(new TextRecord(start, [.. fields]));
            fields.Clear();
            return true;
        }
    }
}
