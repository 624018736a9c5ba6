using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ClosedXML.Excel;
using LicenseAllocation.Application.Reorganisations;

namespace LicenseAllocation.Testing;

/// <summary>One old unit of a test reorganisation file.</summary>
public sealed record TestLink(string? Code, string? Name, bool Partial = false, decimal? Share = null, bool? Held = null);

/// <summary>One new unit of a test reorganisation file; <c>Kind</c> is the workbook's word (Tỉnh, Cơ quan, Xã, Phường).</summary>
public sealed record TestUnit(string Kind, string? Code, string? Name, string? AgencyCode, IReadOnlyList<TestLink> From);

/// <summary>A reorganisation file as a test writes it, in JSON or in the portal's workbook.</summary>
public sealed record TestReorganisation(string? Name, string? LegalBasis, string EffectiveFrom, TestUnit Province, IReadOnlyList<TestUnit> Agencies, IReadOnlyList<TestUnit> Communes);

/// <summary>Reorganisation files for tests: a valid one on top of the shipped 2025 structure, to spoil as each test needs.</summary>
public static class ReorganisationFiles
{
    public const string Name = "Sắp xếp thử nghiệm năm 2026";
    public const string LegalBasis = "Nghị quyết số 99/NQ-HĐND ngày 15/12/2025";

    private static readonly JsonSerializerOptions _json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// From 01/01/2026 the province of 2025 (GSO 82) is followed by a new one: two agencies, each taking over its namesake,
    /// and three communes: two wards sharing Phường Mỹ Trà 0,6/0,4, and a commune formed from one the portal never held.
    /// </summary>
    public static TestReorganisation Valid() => new(
        Name, LegalBasis, "2026-01-01",
        new TestUnit("Tỉnh", "82", "Tỉnh Đồng Tháp", "000.00.00.H20", [new TestLink("82", "Tỉnh Đồng Tháp")]),
        [
            new TestUnit("Cơ quan", null, "Sở Tài chính", "000.01.00.H20", [new TestLink(null, "Sở Tài chính")]),
            new TestUnit("Cơ quan", null, "Sở Nội vụ", null, [new TestLink(null, "Sở Nội vụ")]),
        ],
        [
            new TestUnit("Phường", "29869", "Phường Cao Lãnh", null, [new TestLink("29869", "Phường Cao Lãnh"), new TestLink("29888", "Phường Mỹ Trà", true, 0.6m)]),
            new TestUnit("Phường", "29884", "Phường Mỹ Ngãi", null, [new TestLink("29884", "Phường Mỹ Ngãi"), new TestLink("29888", "Phường Mỹ Trà", true, 0.4m)]),
            new TestUnit("Xã", "90001", "Xã Bình Minh", null, [new TestLink("90001", "Xã Bình Minh cũ", Held: false)]),
        ]);

    public static byte[] Json(TestReorganisation file)
    {
        ArgumentNullException.ThrowIfNull(file);
        object Links(TestUnit u) => u.From.Select(l => new { code = l.Code, name = l.Name, partial = l.Partial, share = l.Share, held = l.Held }).ToList();
        return JsonSerializer.SerializeToUtf8Bytes(new
        {
            source = "Tệp thử nghiệm",
            name = file.Name,
            legalBasis = file.LegalBasis,
            effectiveFrom = file.EffectiveFrom,
            province = new { code = file.Province.Code, name = file.Province.Name, agencyCode = file.Province.AgencyCode, formedFrom = Links(file.Province) },
            agencies = file.Agencies.Select(a => new { name = a.Name, agencyCode = a.AgencyCode, formedFrom = Links(a) }).ToList(),
            communes = file.Communes.Select(c => new { code = c.Code, name = c.Name, kind = c.Kind, formedFrom = Links(c) }).ToList(),
        }, _json);
    }

    /// <summary>The portal's template filled in: the effective date typed as dd/MM/yyyy text.</summary>
    public static byte[] Workbook(TestReorganisation file)
    {
        using var template = new MemoryStream();
        ReorganisationWorkbook.WriteTemplate(template);
        return Workbook(file, template.ToArray());
    }

    /// <summary>The given template (as downloaded from the portal) filled in the same way.</summary>
    public static byte[] Workbook(TestReorganisation file, byte[] template)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var workbook = new XLWorkbook(new MemoryStream(template));
        var info = workbook.Worksheet(1);
        info.Cell(2, 2).SetValue<string>(file.Name ?? string.Empty);
        info.Cell(3, 2).SetValue<string>(file.LegalBasis ?? string.Empty);
        info.Cell(4, 2).SetValue<string>(DateOnly.TryParseExact(file.EffectiveFrom, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
            : file.EffectiveFrom);
        var sheet = workbook.Worksheet(2);
        var row = 2;
        foreach (var unit in new[] { file.Province }.Concat(file.Agencies).Concat(file.Communes))
        {
            sheet.Cell(row, 1).SetValue<string>(unit.Kind);
            sheet.Cell(row, 2).SetValue<string>(unit.Code ?? string.Empty);
            sheet.Cell(row, 3).SetValue<string>(unit.Name ?? string.Empty);
            sheet.Cell(row, 4).SetValue<string>(unit.AgencyCode ?? string.Empty);
            for (var i = 0; i < Math.Max(1, unit.From.Count); i++, row++)
            {
                if (i >= unit.From.Count)
                {
                    continue;
                }

                var link = unit.From[i];
                sheet.Cell(row, 5).SetValue<string>(link.Code ?? string.Empty);
                sheet.Cell(row, 6).SetValue<string>(link.Name ?? string.Empty);
                sheet.Cell(row, 7).SetValue<string>(link.Partial ? "x" : string.Empty);
                if (link.Share is { } share)
                {
                    sheet.Cell(row, 8).SetValue((double)share);
                }

                sheet.Cell(row, 10).SetValue<string>(link.Held == false ? "x" : string.Empty);
            }
        }

        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }
}
