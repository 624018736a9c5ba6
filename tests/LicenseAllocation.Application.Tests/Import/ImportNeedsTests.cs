using System.Globalization;
using ClosedXML.Excel;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations.Batches;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Import;
using LicenseAllocation.Application.Needs;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Needs;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Import;

/// <summary>
/// The template's "Số máy tính cần bảo vệ" column: filled with each unit's need, read back by the importer and stated
/// through the need service in the quantities' transaction, all or nothing; a template without the column still imports.
/// </summary>
public sealed class ImportNeedsTests : IAsyncLifetime
{
    private const string Reason = "Phân bổ và kê khai nhu cầu theo mẫu Excel";
    private ImportBed _bed = default!;
    private int _ward11;
    private int _ward1;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _bed = await ImportBed.CreateAsync();
        _ward11 = await _bed.UnitIdAsync("29863");
        _ward1 = await _bed.UnitIdAsync("29866");
    }

    public async ValueTask DisposeAsync() => await _bed.DisposeAsync();

    private static IXLCell NeedCell(IXLWorksheet sheet, string unitName) =>
        sheet.Cell(WorkbookFiles.TextCell(sheet, unitName).Address.RowNumber, WorkbookFiles.TextCell(sheet, TemplateLayout.NeedHeader).Address.ColumnNumber);

    /// <summary>The officer's template with quantities and needs typed in (a need given as text is typed as text).</summary>
    private async Task<byte[]> FilledAsync(IReadOnlyDictionary<string, (int Quantity, object? Need)> rows)
    {
        var template = await _bed.TemplateAsync(_bed.CaoLanhOfficer, _bed.CaoLanh);
        return WorkbookFiles.Edit(template, workbook =>
        {
            var sheet = workbook.Worksheet(1);
            foreach (var (name, (quantity, need)) in rows)
            {
                WorkbookFiles.QuantityCell(sheet, name).SetValue(quantity);
                var cell = NeedCell(sheet, name);
                switch (need)
                {
                    case int computers:
                        cell.SetValue(computers);
                        break;
                    case double computers:
                        cell.SetValue(computers);
                        break;
                    case string text:
                        cell.SetValue<string>(text);
                        break;
                    default:
                        cell.Clear(XLClearOptions.Contents);
                        break;
                }
            }
        });
    }

    /// <summary>Every stated need, by unit id.</summary>
    private async Task<SortedDictionary<int, int>> NeedsAsync()
    {
        await using var db = await _bed.Database.Factory.CreateDbContextAsync(Ct);
        return new(await db.UnitNeeds.ToDictionaryAsync(n => n.UnitId, n => n.Computers, Ct));
    }

    private async Task UnchangedAsync(DatabaseState before)
    {
        var after = await _bed.StateAsync();
        after.Nodes.ShouldBe(before.Nodes);
        after.AuditRows.ShouldBe(before.AuditRows);
    }

    private async Task StateAsync(int unitId, int computers) =>
        (await _bed.Needs.StateAsync(ImportBed.Admin, new StateNeed(_bed.PlanId, unitId, computers), Ct)).Succeeded.ShouldBeTrue();

    [Fact]
    public async Task The_template_has_a_need_column_next_to_the_quantity_filled_with_each_units_stated_need()
    {
        await StateAsync(_ward11, 25);

        using var workbook = new XLWorkbook(new MemoryStream(await _bed.TemplateAsync(_bed.CaoLanhOfficer, _bed.CaoLanh)));
        var sheet = workbook.Worksheet(1);

        var header = TemplateWorkbook.HeaderRow;
        Enumerable.Range(1, 5).Select(c => sheet.Cell(header, c).GetString()).ShouldBe(["STT", "Mã đơn vị", "Tên đơn vị", "Số lượng", "Số máy tính cần bảo vệ"]);
        sheet.Column(5).Width.ShouldBe(TemplateWorkbook.ColumnWidths[4]);
        var ward11 = NeedCell(sheet, "Phường 11");
        ward11.DataType.ShouldBe(XLDataType.Number);
        ward11.GetValue<int>().ShouldBe(25);
        ward11.Style.Protection.Locked.ShouldBeFalse();
        NeedCell(sheet, "Phường 1").IsEmpty().ShouldBeTrue();
    }

    [Fact]
    public async Task Quantities_and_needs_of_one_file_are_previewed_then_applied_in_one_change_set_and_both_audited()
    {
        await StateAsync(_ward1, 50);
        var file = await FilledAsync(new Dictionary<string, (int, object?)> { ["Phường 11"] = (40, 55), ["Phường 1"] = (60, 70) });
        var before = await _bed.StateAsync();

        var preview = await _bed.PreviewAsync(_bed.CaoLanhOfficer, file);

        preview.Errors.ShouldBeEmpty();
        preview.NeedChanges.Select(c => (c.UnitId, c.Old, c.New)).ShouldBe([(_ward11, (int?)null, 55), (_ward1, 50, 70)]);
        preview.NeedChanges.ShouldAllBe(c => c.Sheet == TemplateLayout.SheetName && c.Row >= TemplateWorkbook.FirstDataRow);
        await UnchangedAsync(before);
        (await NeedsAsync()).ShouldBe(new SortedDictionary<int, int> { [_ward1] = 50 });

        var report = await _bed.ApplyAsync(_bed.CaoLanhOfficer, file, Reason);

        report.Errors.ShouldBeEmpty();
        report.Applied.ShouldBeTrue();
        report.Changes.Select(c => (c.UnitId, c.Old, c.New)).ShouldBe([(_ward11, 0, 40), (_ward1, 0, 60)]);
        report.NeedChanges.Count.ShouldBe(2);
        (await _bed.NodeAsync(_ward11)).Quantity.ShouldBe(40);
        (await NeedsAsync()).ShouldBe(new SortedDictionary<int, int> { [_ward11] = 55, [_ward1] = 70 });
        await using var db = await _bed.Database.Factory.CreateDbContextAsync(Ct);
        var audit = await db.AuditEntries.Where(a => a.ChangeSetId == report.ChangeSetId).ToListAsync(Ct);
        audit.Select(a => (a.Action, a.UnitId, a.OldValue, a.NewValue)).ShouldBe(
            [
                (AuditAction.QuantityChanged, _ward11, 0, 40),
                (AuditAction.QuantityChanged, _ward1, 0, 60),
                (AuditAction.NeedStated, _ward11, null, 55),
                (AuditAction.NeedStated, _ward1, 50, 70),
            ],
            ignoreOrder: true);
        audit.ShouldAllBe(a => a.Actor == "cao-lanh" && a.Reason == Reason);
    }

    [Fact]
    public async Task A_negative_or_non_whole_or_textual_need_refuses_the_whole_file_at_its_row_in_Vietnamese_and_changes_nothing()
    {
        await StateAsync(_ward1, 50);
        var file = await FilledAsync(new Dictionary<string, (int, object?)> { ["Phường 11"] = (40, -3), ["Phường 1"] = (60, 7.5), ["Phường 2"] = (10, "nhiều") });
        var before = await _bed.StateAsync();

        var report = await _bed.ApplyAsync(_bed.CaoLanhOfficer, file, Reason);

        report.Applied.ShouldBeFalse();
        report.Errors.Select(e => (e.Code, e.Column, e.Unit)).ShouldBe(
            [(ImportErrorCode.NeedNegative, "E", "Phường 11"), (ImportErrorCode.NeedNotWhole, "E", "Phường 1"), (ImportErrorCode.NeedNotANumber, "E", "Phường 2")],
            ignoreOrder: true);
        report.Errors.ShouldAllBe(e => e.Row >= TemplateWorkbook.FirstDataRow && e.Field == ImportField.Need);
        var vi = CultureInfo.GetCultureInfo("vi");
        ImportMessages.Describe(report.Errors.Single(e => e.Code == ImportErrorCode.NeedNegative), vi).ShouldBe("Số máy tính cần bảo vệ không được âm, ô đang chứa -3.");
        ImportMessages.Describe(report.Errors.Single(e => e.Code == ImportErrorCode.NeedNotANumber), vi).ShouldContain("\"nhiều\"");
        report.Errors.Single(e => e.Code == ImportErrorCode.NeedNegative).ApiCode.ShouldBe("need-negative");
        await UnchangedAsync(before);
        (await NeedsAsync()).ShouldBe(new SortedDictionary<int, int> { [_ward1] = 50 });
    }

    [Fact]
    public async Task A_need_beyond_the_need_rule_is_refused_by_the_need_service_with_invalid_need_and_nothing_is_written()
    {
        var file = await FilledAsync(new Dictionary<string, (int, object?)> { ["Phường 11"] = (40, 5), ["Phường 1"] = (60, NeedRules.MaxComputers + 1) });
        var before = await _bed.StateAsync();

        var report = await _bed.ApplyAsync(_bed.CaoLanhOfficer, file, Reason);

        report.Applied.ShouldBeFalse();
        var issue = report.Errors.ShouldHaveSingleItem();
        (issue.Code, issue.ApiCode, issue.Column, issue.Unit).ShouldBe((ImportErrorCode.Refused, "invalid-need", "E", "Phường 1"));
        await UnchangedAsync(before);
        (await NeedsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_blank_need_leaves_the_stated_need_as_it_is()
    {
        await StateAsync(_ward11, 25);
        var file = await FilledAsync(new Dictionary<string, (int, object?)> { ["Phường 11"] = (40, null), ["Phường 1"] = (60, 12) });

        var report = await _bed.ApplyAsync(_bed.CaoLanhOfficer, file, Reason);

        report.Applied.ShouldBeTrue();
        report.NeedChanges.Select(c => c.UnitId).ShouldBe([_ward1]);
        (await NeedsAsync()).ShouldBe(new SortedDictionary<int, int> { [_ward11] = 25, [_ward1] = 12 });
    }

    [Fact]
    public async Task A_template_downloaded_before_the_need_column_still_imports_its_quantities()
    {
        await StateAsync(_ward11, 25);
        var file = WorkbookFiles.Edit(
            WorkbookFiles.WithQuantities(await _bed.TemplateAsync(_bed.CaoLanhOfficer, _bed.CaoLanh), new Dictionary<string, int> { ["Phường 11"] = 40, ["Phường 1"] = 60 }),
            workbook => workbook.Worksheet(1).Column(5).Delete());

        var report = await _bed.ApplyAsync(_bed.CaoLanhOfficer, file, Reason);

        report.Errors.ShouldBeEmpty();
        report.Applied.ShouldBeTrue();
        report.Changes.Select(c => (c.UnitId, c.New)).ShouldBe([(_ward11, 40), (_ward1, 60)]);
        report.NeedChanges.ShouldBeEmpty();
        (await NeedsAsync()).ShouldBe(new SortedDictionary<int, int> { [_ward11] = 25 });
    }

    [Fact]
    public async Task When_the_needs_are_refused_inside_the_transaction_the_quantities_written_before_them_are_rolled_back()
    {
        var batches = new QuantityBatchService(_bed.Database.Factory, TimeProvider.System);
        var before = await _bed.StateAsync();

        var result = await batches.ApplyAlongsideAsync(
            _bed.CaoLanhOfficer,
            new QuantityBatch(_bed.PlanId, Reason, [new QuantityBatchItem(_ward11, 40)]),
            async (db, changeSetId, ct) =>
            {
                // A need written and audited, then the companion refuses: none of it may stay.
                var stated = await _bed.Needs.StateWithinAsync(db, _bed.CaoLanhOfficer, new StateNeeds(_bed.PlanId, Reason, [new NeedItem(_ward1, 30)]), changeSetId, ct);
                stated!.Applied.ShouldBeTrue();
                return false;
            },
            Ct);

        result.Applied.ShouldBeFalse();
        await UnchangedAsync(before);
        (await NeedsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_need_of_a_unit_outside_the_officers_scope_is_refused_like_on_the_page()
    {
        var outsider = new Caller("sa-dec", PortalRole.DistrictOfficer, _bed.SaDec);
        var file = await FilledAsync(new Dictionary<string, (int, object?)> { ["Phường 11"] = (0, 5) });

        var refused = await _bed.Needs.PreviewManyAsync(outsider, new StateNeeds(_bed.PlanId, null, [new NeedItem(_ward11, 5)]), Ct);
        var report = await _bed.PreviewAsync(outsider, file);

        refused.Refused.ShouldHaveSingleItem().Error.Code.ShouldBe(AllocationErrorCode.OutOfScope);
        report.Refusal.ShouldNotBeNull().Code.ShouldBe(AllocationErrorCode.OutOfScope);
        report.Errors.ShouldHaveSingleItem().ApiCode.ShouldBe("other-unit-template");
        (await NeedsAsync()).ShouldBeEmpty();
    }
}
