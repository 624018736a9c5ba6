using LicenseAllocation.Application.Appendix;
using LicenseAllocation.Application.Import;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Import;

/// <summary>The district officer's round: download the template, fill it in Excel, preview, apply.</summary>
public sealed class ImportRoundTripTests : IAsyncLifetime
{
    private ImportBed _bed = default!;
    private int _ward11;
    private int _ward1;

    public async ValueTask InitializeAsync()
    {
        _bed = await ImportBed.CreateAsync();
        _ward11 = await _bed.UnitIdAsync("29863");
        _ward1 = await _bed.UnitIdAsync("29866");
    }

    public async ValueTask DisposeAsync() => await _bed.DisposeAsync();

    private async Task<byte[]> FilledTemplateAsync() => WorkbookFiles.WithQuantities(
        await _bed.TemplateAsync(_bed.CaoLanhOfficer, _bed.CaoLanh),
        new Dictionary<string, int> { ["Phường 11"] = 40, ["Phường 1"] = 60 });

    [Fact]
    public async Task The_preview_of_a_filled_template_lists_old_and_new_of_each_changed_unit_and_writes_nothing()
    {
        var before = await _bed.StateAsync();

        var report = await _bed.PreviewAsync(_bed.CaoLanhOfficer, await FilledTemplateAsync());

        report.Errors.ShouldBeEmpty();
        report.Applied.ShouldBeFalse();
        report.Source.ShouldBe(new ImportSource(ImportKind.Template, _bed.CaoLanh, "Thành phố Cao Lãnh"));
        report.Changes.Select(c => (c.UnitId, c.Code, c.Name, c.Old, c.New)).ShouldBe([(_ward11, "29863", "Phường 11", 0, 40), (_ward1, "29866", "Phường 1", 0, 60)]);
        report.Changes.ShouldAllBe(c => c.Sheet == TemplateLayout.SheetName && c.Row >= TemplateWorkbook.FirstDataRow);
        var after = await _bed.StateAsync();
        after.Nodes.ShouldBe(before.Nodes);
        after.AuditRows.ShouldBe(before.AuditRows);
    }

    [Fact]
    public async Task Applying_a_filled_template_changes_the_quantities_as_one_audited_change_set_with_the_reason()
    {
        var report = await _bed.ApplyAsync(_bed.CaoLanhOfficer, await FilledTemplateAsync(), "Phân bổ đợt 1 theo mẫu Excel");

        report.Errors.ShouldBeEmpty();
        report.Applied.ShouldBeTrue();
        report.ChangeSetId.ShouldNotBeNull();
        report.Changes.Select(c => (c.UnitId, c.Old, c.New)).ShouldBe([(_ward11, 0, 40), (_ward1, 0, 60)]);
        (await _bed.NodeAsync(_ward11)).Quantity.ShouldBe(40);
        (await _bed.NodeAsync(_ward1)).Quantity.ShouldBe(60);
        await using var db = await _bed.Database.Factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        (await db.Nodes.SingleAsync(n => n.UnitId == _bed.CaoLanh, TestContext.Current.CancellationToken)).HandedOn.ShouldBe(100);
        var audit = await db.AuditEntries.Where(a => a.ChangeSetId == report.ChangeSetId).ToListAsync(TestContext.Current.CancellationToken);
        audit.Select(a => (a.UnitId, a.OldValue, a.NewValue)).ShouldBe([(_ward11, 0, 40), (_ward1, 0, 60)], ignoreOrder: true);
        audit.ShouldAllBe(a => a.Action == AuditAction.QuantityChanged && a.Actor == "cao-lanh" && a.Reason == "Phân bổ đợt 1 theo mẫu Excel");
        (await StoredPlan.LoadAsync(_bed.Database.Factory, TestContext.Current.CancellationToken)).Tree().FindViolations().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_template_filled_again_after_applying_reports_no_change()
    {
        var file = await FilledTemplateAsync();
        (await _bed.ApplyAsync(_bed.CaoLanhOfficer, file, "Phân bổ đợt 1")).Applied.ShouldBeTrue();

        var again = await _bed.PreviewAsync(_bed.CaoLanhOfficer, file);

        again.Errors.ShouldBeEmpty();
        again.Changes.ShouldBeEmpty();
    }

    [Fact]
    public async Task Applying_without_a_reason_is_refused_with_reason_required_and_writes_nothing()
    {
        var before = await _bed.StateAsync();

        var report = await _bed.ApplyAsync(_bed.CaoLanhOfficer, await FilledTemplateAsync(), "  ");

        report.Applied.ShouldBeFalse();
        report.Errors.Select(e => e.ApiCode).ShouldBe(["reason-required"]);
        report.Changes.Count.ShouldBe(2);
        (await _bed.StateAsync()).Nodes.ShouldBe(before.Nodes);
    }

    [Fact]
    public async Task The_administrator_imports_the_appendix_moving_licences_between_provincial_agencies()
    {
        var appendix = (await new AppendixQuery(_bed.Database.Factory).GetAsync(ImportBed.Admin, _bed.PlanId, TestContext.Current.CancellationToken)).Value!;
        using var written = new MemoryStream();
        AppendixWorkbook.Write(appendix, written);
        var file = WorkbookFiles.Edit(written.ToArray(), workbook =>
        {
            var sheet = workbook.Worksheet(1);
            var quantity = WorkbookFiles.TextCell(sheet, "Số lượng bản quyền được phân bổ").Address.ColumnNumber;
            sheet.Cell(WorkbookFiles.TextCell(sheet, "VP. UBND tỉnh").Address.RowNumber, quantity).SetValue(60);
            sheet.Cell(WorkbookFiles.TextCell(sheet, "VP. HĐND tỉnh").Address.RowNumber, quantity).SetValue(29);
        });

        var report = await _bed.ApplyAsync(ImportBed.Admin, file, "Điều chỉnh Phụ lục");

        report.Errors.ShouldBeEmpty();
        report.Source!.Kind.ShouldBe(ImportKind.Appendix);
        report.Changes.Select(c => (c.Name, c.Old, c.New)).ShouldBe([("VP. UBND tỉnh", 65, 60), ("VP. HĐND tỉnh", 24, 29)]);
        report.Applied.ShouldBeTrue();
    }
}
