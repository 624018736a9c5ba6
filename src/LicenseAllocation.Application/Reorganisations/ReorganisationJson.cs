using System.Globalization;
using System.Text.Json;

namespace LicenseAllocation.Application.Reorganisations;

/// <summary>
/// Reads a reorganisation from a JSON file of the shape of the reference files shipped with the portal, the commune and
/// the agency files in one (docs/reorganisation-import.md): <c>name</c>, <c>legalBasis</c>, <c>effectiveFrom</c>
/// (yyyy-MM-dd), <c>province</c> { code, name, agencyCode, formedFrom }, <c>agencies</c> [{ name, agencyCode, formedFrom }]
/// and <c>communes</c> [{ code, name, kind, formedFrom }], each <c>formedFrom</c> entry { code, name, partial, share,
/// primary, confirmed, held }. Other fields (<c>source</c>, <c>note</c>, <c>formerProvinceCode</c>…) are ignored. Every
/// problem is given with the line of the file and the path of the field, so that it can be found in any editor.
/// </summary>
internal static class ReorganisationJson
{
    /// <summary>The shape nests five levels; a deeper file is not one of ours.</summary>
    public const int MaxDepth = 16;

    public static bool LooksLikeJson(byte[] file)
    {
        foreach (var b in Body(file).Span)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            return b == (byte)'{';
        }

        return false;
    }

    public static DraftReading Read(byte[] file)
    {
        var body = Body(file);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = MaxDepth, AllowDuplicateProperties = false });
        }
        catch (JsonException exception)
        {
            return new DraftReading(null, [new ReorganisationIssue(ReorganisationFileErrorCode.ReorganisationFileUnreadable, Row: (int?)exception.LineNumber + 1)]);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new DraftReading(null, [new ReorganisationIssue(ReorganisationFileErrorCode.ReorganisationFileUnreadable, Row: 1)]);
            }

            return new Reader(Lines(body)).Read(document.RootElement);
        }
    }

    private static ReadOnlyMemory<byte> Body(byte[] file) =>
        file.AsSpan().StartsWith((byte[])[0xEF, 0xBB, 0xBF]) ? file.AsMemory(3) : file.AsMemory();

    /// <summary>The line (from 1) of every object and every property, by its path (<c>communes[3].formedFrom[0].code</c>).</summary>
    private static Dictionary<string, int> Lines(ReadOnlyMemory<byte> body)
    {
        var breaks = new List<long>();
        var span = body.Span;
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i] == (byte)'\n')
            {
                breaks.Add(i);
            }
        }

        int LineOf(long offset)
        {
            var index = breaks.BinarySearch(offset);
            return (index < 0 ? ~index : index) + 1;
        }

        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var frames = new Stack<(string Path, bool IsArray, int Count, string? Property)>();
        var reader = new Utf8JsonReader(span, new JsonReaderOptions { MaxDepth = MaxDepth });
        string PathOfValue()
        {
            if (frames.Count == 0)
            {
                return string.Empty;
            }

            var frame = frames.Pop();
            string path;
            if (frame.IsArray)
            {
                path = $"{frame.Path}[{frame.Count.ToString(CultureInfo.InvariantCulture)}]";
                frame.Count++;
            }
            else
            {
                path = frame.Path.Length == 0 ? frame.Property ?? string.Empty : $"{frame.Path}.{frame.Property}";
            }

            frames.Push(frame);
            return path;
        }

        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    var path = PathOfValue();
                    lines.TryAdd(path, LineOf(reader.TokenStartIndex));
                    frames.Push((path, reader.TokenType == JsonTokenType.StartArray, 0, null));
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    frames.Pop();
                    break;
                case JsonTokenType.PropertyName:
                    var frame = frames.Pop();
                    frame.Property = reader.GetString();
                    frames.Push(frame);
                    lines.TryAdd(frame.Path.Length == 0 ? frame.Property ?? string.Empty : $"{frame.Path}.{frame.Property}", LineOf(reader.TokenStartIndex));
                    break;
                default:
                    PathOfValue();
                    break;
            }
        }

        return lines;
    }

    private sealed class Reader(Dictionary<string, int> lines)
    {
        private readonly List<ReorganisationIssue> _issues = [];

        public DraftReading Read(JsonElement root)
        {
            var units = new List<DraftUnit>();
            if (Object(root, "province") is { } province)
            {
                units.Add(Unit(province, "province", DraftKind.Province));
            }

            foreach (var (kind, list) in new[] { (DraftKind.Agency, "agencies"), (DraftKind.Commune, "communes") })
            {
                var items = Array(root, list);
                for (var i = 0; i < items.Count; i++)
                {
                    units.Add(Unit(items[i], $"{list}[{i.ToString(CultureInfo.InvariantCulture)}]", kind));
                }
            }

            var dateText = Text(root, string.Empty, "effectiveFrom");
            var draft = new ReorganisationDraft(
                Text(root, string.Empty, "name"), Spot("name"),
                Text(root, string.Empty, "legalBasis"), Spot("legalBasis"),
                ParseDate(dateText), dateText, Spot("effectiveFrom"),
                units);
            return new DraftReading(draft, _issues);
        }

        private DraftUnit Unit(JsonElement item, string path, DraftKind kind)
        {
            var links = new List<DraftLink>();
            var from = Array(item, "formedFrom", path);
            for (var i = 0; i < from.Count; i++)
            {
                var at = $"{path}.formedFrom[{i.ToString(CultureInfo.InvariantCulture)}]";
                var link = from[i];
                links.Add(new DraftLink(
                    Spot(at), Text(link, at, "code"), Text(link, at, "name"),
                    Flag(link, at, "partial") ?? false, Number(link, at, "share"), Flag(link, at, "primary"),
                    Flag(link, at, "confirmed") ?? true, Flag(link, at, "held") ?? true,
                    $"{at}.code", $"{at}.name", $"{at}.share"));
            }

            return new DraftUnit(Spot(path), kind, Text(item, path, "code"), Text(item, path, "name"), Text(item, path, "agencyCode"), links,
                $"{path}.code", $"{path}.name", $"{path}.agencyCode");
        }

        private static DateOnly? ParseDate(string? text) =>
            DateOnly.TryParseExact(text?.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

        private FileSpot Spot(string path) =>
            new(lines.TryGetValue(path, out var line) ? line : null, null, path) { Lines = lines };

        /// <summary>The field's line, or its object's when the field is absent.</summary>
        private FileSpot FieldSpot(string objectPath, string field)
        {
            var path = objectPath.Length == 0 ? field : $"{objectPath}.{field}";
            return new FileSpot(lines.TryGetValue(path, out var line) ? line : lines.GetValueOrDefault(objectPath, 1), null, path);
        }

        private static JsonElement? Field(JsonElement item, string field)
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            return item.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
        }

        private JsonElement? Object(JsonElement item, string field)
        {
            if (Field(item, field) is not { } value)
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.Object)
            {
                return value;
            }

            Refuse(FieldSpot(string.Empty, field), value);
            return null;
        }

        private List<JsonElement> Array(JsonElement item, string field, string objectPath = "")
        {
            if (Field(item, field) is not { } value)
            {
                return [];
            }

            if (value.ValueKind == JsonValueKind.Array)
            {
                var items = value.EnumerateArray().ToList();
                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i].ValueKind != JsonValueKind.Object)
                    {
                        Refuse(FieldSpot(objectPath, $"{field}[{i.ToString(CultureInfo.InvariantCulture)}]"), items[i]);
                    }
                }

                return [.. items.Where(i => i.ValueKind == JsonValueKind.Object)];
            }

            Refuse(FieldSpot(objectPath, field), value);
            return [];
        }

        private string? Text(JsonElement item, string objectPath, string field)
        {
            if (Field(item, field) is not { } value)
            {
                return null;
            }

            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    return value.GetString();
                case JsonValueKind.Number:
                    return value.GetRawText();
                default:
                    Refuse(FieldSpot(objectPath, field), value);
                    return null;
            }
        }

        private bool? Flag(JsonElement item, string objectPath, string field)
        {
            if (Field(item, field) is not { } value)
            {
                return null;
            }

            if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return value.GetBoolean();
            }

            Refuse(FieldSpot(objectPath, field), value);
            return null;
        }

        private decimal? Number(JsonElement item, string objectPath, string field)
        {
            if (Field(item, field) is not { } value)
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
            {
                return number;
            }

            Refuse(FieldSpot(objectPath, field), value);
            return null;
        }

        private void Refuse(FileSpot spot, JsonElement value)
        {
            var raw = value.GetRawText();
            _issues.Add(new ReorganisationIssue(ReorganisationFileErrorCode.ValueNotReadable, spot.Row, null, spot.Column)
            {
                Found = raw.Length > 60 ? raw[..60] + "…" : raw,
            });
        }
    }
}
