using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Allocations.Batches;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Allocations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LicenseAllocation.Application.Import;

/// <summary>
/// Imports a filled sub-allocation template, or a plan's appendix, as one batch of quantities. The importer has no
/// allocation rules of its own: it checks that the bytes are a plain workbook (<see cref="XlsxPackageGuard"/>), reads
/// the stored cells, finds whose template it is and the table by their labels, matches each row to a unit and reads its
/// quantity; everything else — scope, quotas, duplicates, inactive units, the reason, all or nothing under one change
/// set — is the <see cref="QuantityBatchService"/>'s, whose dry run gives the preview and whose refusals are mapped back
/// to the sheet, row and column they came from.
/// </summary>
public sealed class ImportService(
    IDbContextFactory<AllocationDbContext> contextFactory, QuantityBatchService batches, IOptions<ImportOptions> options, PortalMetrics? metrics = null)
{
    /// <summary>Everything the file would change and everything wrong with it; writes nothing.</summary>
    public async Task<ImportReport> PreviewAsync(Caller caller, ImportRequest request, CancellationToken cancellationToken = default)
    {
        var report = (await AnalyseAsync(caller, request, cancellationToken)).Report;
        metrics?.Import("previewed");
        return report;
    }

    /// <summary>Applies the file when nothing is wrong with it, with the request's reason, as one audited change set; otherwise changes nothing.</summary>
    public async Task<ImportReport> ApplyAsync(Caller caller, ImportRequest request, CancellationToken cancellationToken = default)
    {
        var report = await DecideAsync(caller, request, cancellationToken);
        metrics?.Import(report.Applied ? "applied" : "refused");
        return report;
    }

    private async Task<ImportReport> DecideAsync(Caller caller, ImportRequest request, CancellationToken cancellationToken)
    {
        var analysis = await AnalyseAsync(caller, request, cancellationToken);
        if (!analysis.Report.IsValid)
        {
            return analysis.Report;
        }

        // Checked again from the top on the figures as they are now: someone may have changed them since the preview.
        var result = await batches.ApplyAsync(caller, new QuantityBatch(request.PlanId, request.Reason, analysis.BatchItems), cancellationToken);
        if (result.Error is { } whole)
        {
            return analysis.Report with { Errors = [new ImportIssue(ImportErrorCode.Refused) { Refusal = whole }] };
        }

        return result.Applied
            ? analysis.Report with { Applied = true, Changes = analysis.Describe(result.Changes), ChangeSetId = result.ChangeSetId }
            : analysis.Report with { Errors = analysis.Explain(result.Refused) };
    }

    private async Task<Analysis> AnalyseAsync(Caller caller, ImportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (!AccessPolicy.MayEdit(caller))
        {
            return Analysis.Of(ImportReport.Refused(AllocationError.Forbidden()));
        }

        List<UnitNodeView> nodes;
        int rootUnitId;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            var plan = await db.Plans.AsNoTracking().Where(p => p.Id == request.PlanId).Select(p => new { p.RootUnitId }).SingleOrDefaultAsync(cancellationToken);
            if (plan is null)
            {
                return Analysis.Of(ImportReport.Refused(AllocationError.NotFound()));
            }

            rootUnitId = plan.RootUnitId;
            nodes = await PlanTreeQuery.Rows(db, request.PlanId).ToListAsync(cancellationToken);
        }

        var limits = options.Value;
        if (XlsxPackageGuard.Check(request.File, limits) is { } rejected)
        {
            return Analysis.Of(ImportReport.Invalid(rejected));
        }

        var (sheets, unreadable) = WorkbookCells.Read(request.File, limits);
        if (unreadable is not null)
        {
            return Analysis.Of(ImportReport.Invalid(unreadable));
        }

        var (source, wrongFile) = Identify(sheets, request.PlanId, nodes, rootUnitId);
        if (wrongFile is not null)
        {
            return Analysis.Of(ImportReport.Invalid(wrongFile, source));
        }

        if (!WithinScope(caller, source!.UnitId, nodes))
        {
            return Analysis.Of(ImportReport.Refused(AllocationError.OutOfScope()));
        }

        if (request.ExpectedUnitId is { } expected && expected != source.UnitId)
        {
            return Analysis.Of(ImportReport.Invalid(new ImportIssue(ImportErrorCode.WrongUnit) { Unit = source.UnitName }, source));
        }

        // The template lists the active children; a row for a child deactivated since still matches, and the service
        // accepts it at 0 and refuses more. The appendix lists the active units directly under the province.
        var expectedUnits = source.Kind == ImportKind.Appendix
            ? nodes.Where(n => n.ParentUnitId == source.UnitId && n.IsActive).ToList()
            : nodes.Where(n => n.ParentUnitId == source.UnitId).ToList();
        var analysis = ReadRows(sheets, source, new UnitMatcher(expectedUnits));
        if (analysis.Items.Count == 0)
        {
            return analysis;
        }

        var preview = await batches.PreviewAsync(caller, new QuantityBatch(request.PlanId, null, analysis.BatchItems), cancellationToken);
        var errors = analysis.Report.Errors.Concat(preview.Error is { } whole ? [new ImportIssue(ImportErrorCode.Refused) { Refusal = whole }] : [])
            .Concat(analysis.Explain(preview.Refused));
        return analysis with { Report = analysis.Report with { Changes = analysis.Describe(preview.Changes), Errors = Ordered(errors, sheets) } };
    }

    /// <summary>
    /// Whose file this is: a template states its plan and unit beside the labels "Mã kế hoạch" and "Mã đơn vị phân bổ";
    /// a file with neither is read as the plan's appendix, which allocates the province's licences.
    /// </summary>
    private static (ImportSource? Source, ImportIssue? Issue) Identify(IReadOnlyList<SheetCells> sheets, int planId, List<UnitNodeView> nodes, int rootUnitId)
    {
        var planCell = LabelledCell.Find(sheets, TemplateLayout.PlanCodeLabel);
        var unitCell = LabelledCell.Find(sheets, TemplateLayout.UnitCodeLabel);
        if (planCell is null && unitCell is null)
        {
            var root = nodes.Single(n => n.UnitId == rootUnitId);
            return (new ImportSource(ImportKind.Appendix, root.UnitId, root.Name), null);
        }

        if (planCell?.AsId() != planId)
        {
            return (null, new ImportIssue(ImportErrorCode.WrongPlan, planCell?.Sheet, planCell?.Row, planCell?.Letters) { Found = planCell?.Text, Limit = planId });
        }

        var unit = unitCell?.AsId() is { } unitId ? nodes.SingleOrDefault(n => n.UnitId == unitId) : null;
        return unit is null
            ? (null, new ImportIssue(ImportErrorCode.WrongUnit, unitCell?.Sheet, unitCell?.Row, unitCell?.Letters) { Found = unitCell?.Text })
            : (new ImportSource(ImportKind.Template, unit.UnitId, unit.Name), null);
    }

    private static bool WithinScope(Caller caller, int unitId, List<UnitNodeView> nodes) =>
        AccessPolicy.SeesWholeTree(caller)
        || (caller.ScopeUnitId is { } scope && UnitScope.Subtree(scope, nodes.ToDictionary(n => n.UnitId, n => n.ParentUnitId)).Contains(unitId));

    private static Analysis ReadRows(IReadOnlyList<SheetCells> sheets, ImportSource source, UnitMatcher matcher)
    {
        var tables = ImportTable.FindAll(sheets);
        if (tables.Count == 0)
        {
            return Analysis.Of(ImportReport.Invalid(new ImportIssue(ImportErrorCode.MissingHeader), source));
        }

        var issues = new List<ImportIssue>();
        var items = new List<RowItem>();
        var rowCount = 0;
        foreach (var row in tables.SelectMany(t => t.Rows()))
        {
            rowCount++;
            var (unit, unitError, field, found) = matcher.Match(row.Code, row.Name);
            if (unitError is { } error)
            {
                issues.Add(row.Issue(error, field ?? ImportField.Name) with { Found = found, Unit = unit?.Name });
            }

            var (quantity, quantityError, shown) = QuantityCell.Parse(row.Quantity);
            if (quantityError is { } invalid)
            {
                issues.Add(row.Issue(invalid, ImportField.Quantity) with { Found = shown, Unit = unit?.Name });
            }

            if (unit is not null && unitError is null && quantity is { } value)
            {
                items.Add(new RowItem(row, unit, value));
            }
        }

        if (rowCount == 0)
        {
            var first = tables[0];
            issues.Add(new ImportIssue(ImportErrorCode.EmptyTable, first.Sheet.Name, first.HeaderRow));
        }

        return new Analysis(new ImportReport(false, source, [], issues), items);
    }

    /// <summary>Whole-file issues first, then by sheet, row and column, as the official works through the file.</summary>
    private static List<ImportIssue> Ordered(IEnumerable<ImportIssue> issues, IReadOnlyList<SheetCells> sheets)
    {
        var sheetOrder = sheets.Select((s, i) => (s.Name, i)).GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.First().i);
        return [.. issues
            .OrderBy(i => i.Row is null ? 0 : 1)
            .ThenBy(i => i.Sheet is { } sheet ? sheetOrder.GetValueOrDefault(sheet) : -1)
            .ThenBy(i => i.Row)
            .ThenBy(i => i.Column?.Length)
            .ThenBy(i => i.Column, StringComparer.Ordinal)];
    }

    private sealed record RowItem(ImportRow Row, UnitNodeView Unit, int Quantity);

    /// <summary>The rows read and matched, and the report so far.</summary>
    private sealed record Analysis(ImportReport Report, IReadOnlyList<RowItem> Items)
    {
        public static Analysis Of(ImportReport report) => new(report, []);

        public IReadOnlyList<QuantityBatchItem> BatchItems => [.. Items.Select(i => new QuantityBatchItem(i.Unit.UnitId, i.Quantity))];

        /// <summary>Each change at the first row that names its unit.</summary>
        public IReadOnlyList<ImportChange> Describe(IReadOnlyList<QuantityBatchChange> changes) =>
        [
            .. changes.Select(c => (Change: c, Item: Items.First(i => i.Unit.UnitId == c.UnitId)))
                .Select(p => new ImportChange(p.Item.Row.Table.Sheet.Name, p.Item.Row.Row, p.Change.UnitId, p.Item.Unit.Code, p.Item.Unit.Name, p.Change.OldQuantity, p.Change.NewQuantity)),
        ];

        /// <summary>
        /// Each refusal at every row of its unit: at the quantity when it is about the number, at the code (or the name
        /// where the table has no codes) when it is about the unit.
        /// </summary>
        public IReadOnlyList<ImportIssue> Explain(IReadOnlyList<BatchRefusal> refusals) =>
        [
            .. from refusal in refusals
               from item in Items.Where(i => i.Unit.UnitId == refusal.UnitId)
               let field = refusal.Error.Code is AllocationErrorCode.ExceedsParent or AllocationErrorCode.ChildrenExceedParent or AllocationErrorCode.BelowHandedOn
                   or AllocationErrorCode.UnitInactive or AllocationErrorCode.InvalidQuantity
                   ? ImportField.Quantity
                   : item.Row.Table.CodeColumn is null ? ImportField.Name : ImportField.Code
               select item.Row.Issue(ImportErrorCode.Refused, field) with { Refusal = refusal.Error, Unit = item.Unit.Name },
        ];
    }
}
