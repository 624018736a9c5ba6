using System.Globalization;
using LicenseAllocation.Application.Appendix;
using LicenseAllocation.Application.Import;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Import;

/// <summary>
/// What the import says and keeps beside the figures: the document the change is based on, the unit's totals before
/// and after, a fraction said as such, and an officer's wrong file answered with the file to take instead.
/// </summary>
public sealed class ImportGapsTests : IAsyncLifetime
{
    private const string Ward11 = "Phường 11";
    private const string Letter = "Quyết định số 45/QĐ-UBND ngày 10/02/2021";

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private ImportBed _bed = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _bed = await ImportBed.CreateAsync();

    public async ValueTask DisposeAsync() => await _bed.DisposeAsync();

    private async Task<byte[]> FilledAsync(Action<ClosedXML.Excel.IXLWorksheet> fill) =>
        WorkbookFiles.Edit(await _bed.TemplateAsync(_bed.CaoLanhOfficer, _bed.CaoLanh), workbook => fill(workbook.Worksheet(1)));

    private Task<ImportReport> ApplyAsync(byte[] file, string? documentRef) =>
        _bed.Import.ApplyAsync(_bed.CaoLanhOfficer, new ImportRequest(_bed.PlanId, file, null, "Phân bổ theo mẫu", documentRef), Ct);

    private async Task UnchangedAsync(DatabaseState before)
    {
        var after = await _bed.StateAsync();
        after.Nodes.ShouldBe(before.Nodes);
        after.AuditRows.ShouldBe(before.AuditRows);
    }

    [Fact]
    public async Task The_document_the_import_is_based_on_is_written_on_every_audit_row_of_its_change_set()
    {
        var file = await FilledAsync(sheet =>
        {
            WorkbookFiles.QuantityCell(sheet, Ward11).SetValue(40);
            WorkbookFiles.QuantityCell(sheet, "Phường 1").SetValue(10);
        });

        var report = await ApplyAsync(file, Letter);

        report.Applied.ShouldBeTrue();
        await using var db = await _bed.Database.Factory.CreateDbContextAsync(Ct);
        var rows = await db.AuditEntries.Where(a => a.ChangeSetId == report.ChangeSetId).Select(a => a.DocumentRef).ToListAsync(Ct);
        rows.Count.ShouldBe(2);
        rows.ShouldAllBe(d => d == Letter);
    }

    [Fact]
    public async Task A_document_reference_over_its_limit_is_refused_and_nothing_changes()
    {
        var file = await FilledAsync(sheet => WorkbookFiles.QuantityCell(sheet, Ward11).SetValue(40));
        var before = await _bed.StateAsync();

        var report = await ApplyAsync(file, new string('x', 201));

        report.Applied.ShouldBeFalse();
        report.Errors.Select(e => e.ApiCode).ShouldBe(["document-ref-too-long"]);
        await UnchangedAsync(before);
    }

    [Fact]
    public async Task The_preview_gives_the_units_quota_handed_on_and_remaining_before_and_after()
    {
        var file = await FilledAsync(sheet =>
        {
            WorkbookFiles.QuantityCell(sheet, Ward11).SetValue(40);
            WorkbookFiles.QuantityCell(sheet, "Phường 1").SetValue(10);
        });
        var before = await _bed.StateAsync();
        var handedOn = before.Nodes.Single(n => n.UnitId == _bed.CaoLanh).HandedOn;

        var preview = await _bed.PreviewAsync(_bed.CaoLanhOfficer, file);
        var applied = await ApplyAsync(file, null);

        var expected = new ImportTotals(ImportBed.CaoLanhQuota, handedOn, handedOn + 50);
        preview.Totals.ShouldBe(expected);
        (preview.Totals!.RemainingBefore, preview.Totals.RemainingAfter).ShouldBe((ImportBed.CaoLanhQuota - handedOn, ImportBed.CaoLanhQuota - handedOn - 50));
        applied.Totals.ShouldBe(expected);
        (await _bed.StateAsync()).Nodes.Single(n => n.UnitId == _bed.CaoLanh).HandedOn.ShouldBe(handedOn + 50);
    }

    [Theory]
    [InlineData("12,5", true)]
    [InlineData("12.5", true)]
    [InlineData("12.5", false)]
    public async Task A_fraction_typed_as_text_or_as_a_number_is_said_to_be_not_whole_and_nothing_changes(string typed, bool asText)
    {
        var file = await FilledAsync(sheet =>
        {
            var cell = WorkbookFiles.QuantityCell(sheet, Ward11);
            if (asText)
            {
                cell.SetValue<string>(typed);
            }
            else
            {
                cell.SetValue(double.Parse(typed, CultureInfo.InvariantCulture));
            }
        });
        var before = await _bed.StateAsync();

        var report = await ApplyAsync(file, null);

        var error = report.Errors.ShouldHaveSingleItem();
        error.ApiCode.ShouldBe("quantity-not-whole");
        ImportMessages.Describe(error, Vietnamese).ShouldBe("Số lượng phải là số nguyên, ô đang chứa 12,5.");
        ImportMessages.Describe(error, CultureInfo.GetCultureInfo("en-US")).ShouldStartWith("The quantity must be a whole number");
        report.Applied.ShouldBeFalse();
        await UnchangedAsync(before);
    }

    [Fact]
    public async Task Text_that_reads_as_thousands_is_still_said_to_be_not_a_number()
    {
        var file = await FilledAsync(sheet => WorkbookFiles.QuantityCell(sheet, Ward11).SetValue<string>("5.137"));

        var report = await _bed.PreviewAsync(_bed.CaoLanhOfficer, file);

        report.Errors.ShouldHaveSingleItem().ApiCode.ShouldBe("quantity-not-a-number");
    }

    [Fact]
    public async Task A_district_officer_who_uploads_the_provinces_appendix_is_told_to_take_the_districts_template_and_nothing_changes()
    {
        var appendix = (await new AppendixQuery(_bed.Database.Factory).GetAsync(ImportBed.Admin, _bed.PlanId, Ct)).Value!;
        using var written = new MemoryStream();
        AppendixWorkbook.Write(appendix, written);
        var before = await _bed.StateAsync();

        var preview = await _bed.PreviewAsync(_bed.CaoLanhOfficer, written.ToArray());
        var applied = await _bed.ApplyAsync(_bed.CaoLanhOfficer, written.ToArray(), "Nhập nhầm phụ lục");

        foreach (var report in new[] { preview, applied })
        {
            report.Refusal.ShouldNotBeNull().Code.ShouldBe(AllocationErrorCode.OutOfScope);
            var error = report.Errors.ShouldHaveSingleItem();
            error.ApiCode.ShouldBe("province-appendix");
            var message = ImportMessages.Describe(error, Vietnamese);
            message.ShouldStartWith("Đây là phụ lục của cả tỉnh");
            message.ShouldContain("hãy tải mẫu của Thành phố Cao Lãnh", Case.Insensitive);
            message.ShouldContain("\"Tải mẫu phân bổ (Excel)\"");
            ImportMessages.Describe(error, CultureInfo.GetCultureInfo("en-US")).ShouldContain("the template of Thành phố Cao Lãnh");
        }

        applied.Applied.ShouldBeFalse();
        await UnchangedAsync(before);
    }

    [Fact]
    public async Task A_district_officer_who_uploads_another_districts_template_is_told_whose_it_is_and_which_to_take_and_nothing_changes()
    {
        var file = await _bed.TemplateAsync(ImportBed.Admin, _bed.SaDec);
        var before = await _bed.StateAsync();

        var report = await _bed.ApplyAsync(_bed.CaoLanhOfficer, file, "Nhập nhầm mẫu");

        report.Refusal.ShouldNotBeNull().Code.ShouldBe(AllocationErrorCode.OutOfScope);
        var error = report.Errors.ShouldHaveSingleItem();
        error.ApiCode.ShouldBe("other-unit-template");
        var message = ImportMessages.Describe(error, Vietnamese);
        message.ShouldContain("mẫu phân bổ của Thành phố Sa Đéc");
        message.ShouldContain("mẫu của Thành phố Cao Lãnh");
        report.Applied.ShouldBeFalse();
        await UnchangedAsync(before);
    }
}
