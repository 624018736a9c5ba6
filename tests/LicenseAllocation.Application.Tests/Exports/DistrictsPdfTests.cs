using System.Globalization;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Districts;
using LicenseAllocation.Application.Exports;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Testing;
using Shouldly;
using UglyToad.PdfPig;
using Page = UglyToad.PdfPig.Content.Page;

namespace LicenseAllocation.Application.Tests.Exports;

/// <summary>
/// The districts' allocations as PDF, read back with PdfPig: the summary and each district are documents of their own,
/// each with Decree 30's heading, the "(Kèm theo …)" line of its decision, its rows and totals, its pages numbered from 1,
/// and "DỰ THẢO" exactly while that decision is a draft.
/// </summary>
public sealed class DistrictsPdfTests : DistrictDocumentTests
{
    // A4 in points, as PdfPig reports a page's size.
    private const double A4Width = 595;
    private const double A4Height = 842;

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    [Fact]
    public async Task The_summary_and_each_district_are_documents_with_the_heading_reference_line_rows_and_totals_on_A4()
    {
        var report = await ReportAsync(SeededPlan.Admin);

        using var pdf = PdfDocument.Open(DistrictsPdf.Render(report));

        var documents = Documents(pdf);
        documents.Count.ShouldBe(SeedFacts.Districts + 1);
        var summary = documents[0];
        summary.ShouldStartWith("Phụ lục PHÂN BỔ BẢN QUYỀN PHẦN MỀM PHÒNG CHỐNG MÃ ĐỘC CỦA CÁC HUYỆN, THÀNH PHỐ (Kèm theo Công văn số");
        summary.ShouldContain("STT Mã UBND cấp huyện");
        var districts = report.Districts.Select(d => d.District).ToList();
        foreach (var district in districts)
        {
            summary.ShouldContain($"{district.Code} {district.Name} {N(district.Quantity)} {N(district.HandedOn)} {N(district.Remaining)}");
        }

        summary.ShouldContain($"Cộng {N(districts.Sum(d => d.Quantity))} {N(districts.Sum(d => d.HandedOn))} {N(districts.Sum(d => d.Remaining))}");

        var caoLanh = documents[1 + districts.FindIndex(d => d.UnitId == CaoLanh)];
        caoLanh.ShouldStartWith("Phụ lục PHÂN BỔ BẢN QUYỀN PHẦN MỀM PHÒNG CHỐNG MÃ ĐỘC CỦA THÀNH PHỐ CAO LÃNH (MÃ 866) (Kèm theo Quyết định số");
        caoLanh.ShouldContain("của UBND Thành phố Cao Lãnh)");
        caoLanh.ShouldContain("STT Mã Tên đơn vị Loại Số lượng");
        caoLanh.ShouldContain(DistrictsWorkbook.AgenciesHeading);
        caoLanh.ShouldContain(DistrictsWorkbook.CommunesHeading);
        var ward11 = report.Districts.Single(d => d.District.UnitId == CaoLanh).Units.Single(u => u.Node.Code == "29863").Node;
        // The kind wraps in its cell ("UBND cấp" / "xã"), as in the workbook, so its words come out around the row's.
        caoLanh.ShouldContain($"29863 Phường 11 {N(ward11.Quantity)}");
        caoLanh.ShouldContain($"{DistrictsWorkbook.QuotaLabel} 300");
        caoLanh.ShouldContain($"{DistrictsWorkbook.RemainingLabel} {N(districts.Single(d => d.UnitId == CaoLanh).Remaining)}");
        pdf.GetPages().ShouldAllBe(p => Math.Round(p.Width) == A4Width && Math.Round(p.Height) == A4Height);
    }

    [Fact]
    public async Task While_nothing_is_published_every_page_says_DU_THAO_and_once_published_only_the_open_decisions_pages_do()
    {
        using (var draft = PdfDocument.Open(DistrictsPdf.Render(await ReportAsync(SeededPlan.Admin))))
        {
            draft.GetPages().ShouldAllBe(p => TopMargin(p).Contains("DỰ THẢO"));
        }

        await PublishAllThreeAsync();

        var report = await ReportAsync(SeededPlan.Admin);
        using var published = PdfDocument.Open(DistrictsPdf.Render(report));

        var pages = published.GetPages().ToList();
        var starts = Enumerable.Range(0, pages.Count).Where(i => Body(pages[i]).StartsWith("Phụ lục", StringComparison.Ordinal)).Append(pages.Count).ToList();
        var caoLanh = pages.FindIndex(p => Body(p).Contains("CỦA THÀNH PHỐ CAO LÃNH (MÃ 866)", StringComparison.Ordinal));
        var issued = Enumerable.Range(0, starts[1]).Concat(Enumerable.Range(caoLanh, starts.First(i => i > caoLanh) - caoLanh)).ToHashSet();
        Body(pages[0]).ShouldContain("(Kèm theo Công văn số 20/STTTT-CNTT");
        Body(pages[caoLanh]).ShouldContain("(Kèm theo Quyết định số 15/QĐ-UBND");
        for (var i = 0; i < pages.Count; i++)
        {
            TopMargin(pages[i]).Contains("DỰ THẢO", StringComparison.Ordinal).ShouldBe(!issued.Contains(i), $"page {i + 1}");
        }
    }

    [Fact]
    public async Task A_district_that_runs_onto_more_pages_numbers_them_from_1_and_repeats_its_table_heading()
    {
        var report = await ReportAsync(CaoLanhOfficer);
        var caoLanh = report.Districts.Single();
        var communes = Enumerable.Range(1, 90)
            .Select(i => new WorkspaceRow(new UnitNodeView(100_000 + i, CaoLanh, $"9{i:0000}", $"Xã thử số {i}", UnitKind.CommuneCommittee, i, true, 1, 0, 1), 1, 0, 1))
            .ToList();
        var longer = report with { Districts = [caoLanh with { Units = communes }] };

        using var pdf = PdfDocument.Open(DistrictsPdf.Render(longer));

        var pages = pdf.GetPages().ToList();
        pages.Count.ShouldBeGreaterThan(3, "the summary, then the district over more than one page");
        TopMargin(pages[0]).ShouldBe("DỰ THẢO", "the summary's only page");
        TopMargin(pages[1]).ShouldBe("DỰ THẢO", "the district's first page has no number");
        for (var i = 2; i < pages.Count; i++)
        {
            TopMargin(pages[i]).ShouldBe($"{i} DỰ THẢO");
            Body(pages[i]).ShouldStartWith("STT Mã Tên đơn vị Loại Số lượng");
        }

        var documents = Documents(pdf);
        documents.Count.ShouldBe(2);
        documents[1].ShouldContain("90 90090 Xã thử số 90 1");
        documents[1].ShouldContain($"{DistrictsWorkbook.CommunesSubtotal} 90");
        Body(pages[^1]).ShouldEndWith($"{DistrictsWorkbook.RemainingLabel} {N(caoLanh.District.Remaining)}");
    }


    private static string N(int value) => value.ToString("#,##0", Vietnamese);

    /// <summary>Where the top margin (2 cm) ends, in PdfPig's coordinates from the bottom of the page.</summary>
    private static double MarginLine(Page page) => page.Height - (2 / 2.54 * 72);

    /// <summary>The words printed in the top margin: the page number and the draft mark.</summary>
    private static string TopMargin(Page page) =>
        string.Join(" ", page.GetWords().Where(w => w.BoundingBox.Bottom > MarginLine(page)).Select(w => w.Text));

    /// <summary>The words below the top margin.</summary>
    private static string Body(Page page) =>
        string.Join(" ", page.GetWords().Where(w => w.BoundingBox.Bottom <= MarginLine(page)).Select(w => w.Text));

    /// <summary>The text of each document in the file: a page whose body starts with "Phụ lục" starts one.</summary>
    private static List<string> Documents(PdfDocument pdf)
    {
        var documents = new List<string>();
        foreach (var body in pdf.GetPages().Select(Body))
        {
            if (body.StartsWith("Phụ lục", StringComparison.Ordinal) || documents.Count == 0)
            {
                documents.Add(body);
            }
            else
            {
                documents[^1] += " " + body;
            }
        }

        return documents;
    }
}
