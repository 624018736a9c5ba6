using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Allocations.Batches;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Needs;
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
/// to the sheet, row and column they came from. A file with the "Số máy tính cần bảo vệ" column also states the needs it
/// holds (a blank cell leaves a need as it is): checked, written and audited by the <see cref="NeedService"/>, in the same
/// transaction and change set as the quantities, so that the file is applied entirely or not at all.
/// </summary>
/// <remarks>
/// One import at a time per user (<see cref="UserOperations"/>, <c>import-in-progress</c>); the caller's token (the
/// request's <c>RequestAborted</c>, the page's circuit) stops the reading of the file between rows when the client goes away.
/// </remarks>
public sealed class ImportService(
    IDbContextFactory<AllocationDbContext> contextFactory,
    QuantityBatchService batches,
    NeedService needs,
    IOptions<ImportOptions> options,
    PortalMetrics? metrics = null,
    UserOperations? operations = null)
{
    /// <summary>Everything the file would change and everything wrong with it; writes nothing.</summary>
    public async Task<ImportReport> PreviewAsync(Caller caller, ImportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        using var lease = operations?.TryStart(caller.UserName, UserOperation.Import);
        if (operations is not null && lease is null)
        {
            return ImportReport.Refused(AllocationError.ImportInProgress());
        }

        var report = (await AnalyseAsync(caller, request, cancellationToken)).Report;
        metrics?.Import("previewed");
        return report;
    }

    /// <summary>Applies the file when nothing is wrong with it, with the request's reason, as one audited change set; otherwise changes nothing.</summary>
    public async Task<ImportReport> ApplyAsync(Caller caller, ImportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        using var lease = operations?.TryStart(caller.UserName, UserOperation.Import);
        if (operations is not null && lease is null)
        {
            return ImportReport.Refused(AllocationError.ImportInProgress());
        }

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
        // The needs are written in the quantities' transaction, under their change set: both commit, or neither.
        var needItems = analysis.NeedItems;
        NeedBatchResult? stated = null;
        var result = await batches.ApplyAlongsideAsync(
            caller,
            new QuantityBatch(request.PlanId, request.Reason, analysis.BatchItems, request.DocumentRef),
            needItems.Count == 0
                ? null
                : async (db, changeSetId, ct) =>
                {
                    stated = await needs.StateWithinAsync(db, caller, new StateNeeds(request.PlanId, request.Reason, needItems), changeSetId, ct);
                    return stated?.Applied;
                },
            cancellationToken);
        if (result.Error is { } whole)
        {
            return analysis.Report with { Errors = [new ImportIssue(ImportErrorCode.Refused) { Refusal = whole }] };
        }

        if (result.Applied)
        {
            return analysis.Report with
            {
                Applied = true,
                Changes = analysis.Describe(result.Changes),
                NeedChanges = analysis.DescribeNeeds(stated?.Changes ?? []),
                Totals = analysis.TotalsAfter(result.Changes),
                ChangeSetId = result.ChangeSetId,
            };
        }

        if (result.Refused.Count == 0 && stated is { Applied: false } needsRefused)
        {
            return analysis.Report with { Errors = [.. NeedErrors(analysis, needsRefused, [])] };
        }

        return analysis.Report with { Errors = analysis.Explain(result.Refused) };
    }

    /// <summary>The need service's refusals, less those about a unit that the quantities already refused for the same reason.</summary>
    private static IEnumerable<ImportIssue> NeedErrors(Analysis analysis, NeedBatchResult result, IReadOnlyList<ImportIssue> already)
    {
        if (result.Error is { } whole)
        {
            return already.Any(i => i.Row is null && i.Refusal?.Code == whole.Code) ? [] : [new ImportIssue(ImportErrorCode.Refused) { Refusal = whole }];
        }

        var said = already.Where(i => i.Refusal is not null).Select(i => (i.Sheet, i.Row, i.Column, i.Refusal!.Code)).ToHashSet();
        return analysis.ExplainNeeds(result.Refused).Where(i => !said.Contains((i.Sheet, i.Row, i.Column, i.Refusal!.Code)));
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

        var (sheets, unreadable) = WorkbookCells.Read(request.File, limits, cancellationToken);
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
            return Analysis.Of(OutsideScope(caller, source, nodes));
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
        var analysis = ReadRows(sheets, source, new UnitMatcher(expectedUnits), cancellationToken) with { Unit = nodes.Single(n => n.UnitId == source.UnitId) };
        if (analysis.Items.Count == 0)
        {
            return analysis;
        }

        var preview = await batches.PreviewAsync(caller, new QuantityBatch(request.PlanId, null, analysis.BatchItems), cancellationToken);
        List<ImportIssue> errors = [.. analysis.Report.Errors.Concat(preview.Error is { } whole ? [new ImportIssue(ImportErrorCode.Refused) { Refusal = whole }] : [])
            .Concat(analysis.Explain(preview.Refused))];
        IReadOnlyList<ImportNeedChange> needChanges = [];
        if (analysis.NeedItems is { Count: > 0 } needItems)
        {
            var needPreview = await needs.PreviewManyAsync(caller, new StateNeeds(request.PlanId, null, needItems), cancellationToken);
            errors.AddRange([.. NeedErrors(analysis, needPreview, errors)]);
            needChanges = analysis.DescribeNeeds(needPreview.Changes);
        }

        return analysis with
        {
            Report = analysis.Report with
            {
                Changes = analysis.Describe(preview.Changes),
                NeedChanges = needChanges,
                Errors = Ordered(errors, sheets),
                Totals = analysis.TotalsAfter(preview.Changes),
            },
        };
    }

    /// <summary>
    /// A file of a unit outside the caller's scope: refused as out of scope, and an officer with a unit of their own is
    /// also told which file to take instead (the province's appendix, or another unit's template, is most often a
    /// wrong file rather than an attempt to edit elsewhere).
    /// </summary>
    private static ImportReport OutsideScope(Caller caller, ImportSource source, List<UnitNodeView> nodes)
    {
        if (caller.ScopeUnitId is not { } scope || nodes.SingleOrDefault(n => n.UnitId == scope) is not { } own)
        {
            return ImportReport.Refused(AllocationError.OutOfScope());
        }

        var issue = source.Kind == ImportKind.Appendix
            ? new ImportIssue(ImportErrorCode.ProvinceAppendix) { Unit = own.Name }
            : new ImportIssue(ImportErrorCode.OtherUnitTemplate) { Found = source.UnitName, Unit = own.Name };
        return new ImportReport(false, source, [], [issue], Refusal: AllocationError.OutOfScope());
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

    private static Analysis ReadRows(IReadOnlyList<SheetCells> sheets, ImportSource source, UnitMatcher matcher, CancellationToken cancellationToken)
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
            if (++rowCount % 1_000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

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

            var (need, needError, needShown) = NeedCell.Parse(row.Need);
            if (needError is { } invalidNeed)
            {
                issues.Add(row.Issue(invalidNeed, ImportField.Need) with { Found = needShown, Unit = unit?.Name });
            }

            if (unit is not null && unitError is null && quantity is { } value)
            {
                items.Add(new RowItem(row, unit, value, need));
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

    /// <summary>A matched row: its quantity, and its need when the file states one (null: the need stays as it is).</summary>
    private sealed record RowItem(ImportRow Row, UnitNodeView Unit, int Quantity, int? Need);

    /// <summary>The rows read and matched, and the report so far; <see cref="Unit"/> is the unit whose file it is, as read before.</summary>
    private sealed record Analysis(ImportReport Report, IReadOnlyList<RowItem> Items)
    {
        public UnitNodeView? Unit { get; init; }

        /// <summary>The rows of each unit, in file order: looked up once per change or refusal, so the report costs as much as the rows.</summary>
        private readonly Lazy<ILookup<int, RowItem>> _byUnit = new(() => Items.ToLookup(i => i.Unit.UnitId));

        public static Analysis Of(ImportReport report) => new(report, []);

        public IReadOnlyList<QuantityBatchItem> BatchItems => [.. Items.Select(i => new QuantityBatchItem(i.Unit.UnitId, i.Quantity))];

        public IReadOnlyList<NeedItem> NeedItems => [.. Items.Where(i => i.Need is not null).Select(i => new NeedItem(i.Unit.UnitId, i.Need!.Value))];

        /// <summary>Each need change at the first row that states its unit's need.</summary>
        public IReadOnlyList<ImportNeedChange> DescribeNeeds(IReadOnlyList<NeedChange> changes) =>
        [
            .. changes.Select(c => (Change: c, Item: _byUnit.Value[c.UnitId].First(i => i.Need is not null)))
                .Select(p => new ImportNeedChange(p.Item.Row.Table.Sheet.Name, p.Item.Row.Row, p.Change.UnitId, p.Item.Unit.Code, p.Item.Unit.Name, p.Change.Old, p.Change.New)),
        ];

        /// <summary>Each need refusal at every row that states its unit's need: at the need when it is about the figure, at the code or name otherwise.</summary>
        public IReadOnlyList<ImportIssue> ExplainNeeds(IReadOnlyList<NeedRefusal> refusals) =>
        [
            .. from refusal in refusals
               from item in _byUnit.Value[refusal.UnitId]
               where item.Need is not null
               let field = refusal.Error.Code is AllocationErrorCode.InvalidNeed or AllocationErrorCode.UnitInactive
                   ? ImportField.Need
                   : item.Row.Table.CodeColumn is null ? ImportField.Name : ImportField.Code
               select item.Row.Issue(ImportErrorCode.Refused, field) with { Refusal = refusal.Error, Unit = item.Unit.Name },
        ];

        /// <summary>
        /// The file's unit before and after the changes: every row is one of its children, so what it hands on moves by
        /// the changes' sum and its own quota stays.
        /// </summary>
        public ImportTotals? TotalsAfter(IReadOnlyList<QuantityBatchChange> changes) =>
            Unit is { } unit ? new ImportTotals(unit.Quantity, unit.HandedOn, unit.HandedOn + changes.Sum(c => c.NewQuantity - c.OldQuantity)) : null;

        /// <summary>Each change at the first row that names its unit.</summary>
        public IReadOnlyList<ImportChange> Describe(IReadOnlyList<QuantityBatchChange> changes) =>
        [
            .. changes.Select(c => (Change: c, Item: _byUnit.Value[c.UnitId].First()))
                .Select(p => new ImportChange(p.Item.Row.Table.Sheet.Name, p.Item.Row.Row, p.Change.UnitId, p.Item.Unit.Code, p.Item.Unit.Name, p.Change.OldQuantity, p.Change.NewQuantity)),
        ];

        /// <summary>
        /// Each refusal at every row of its unit: at the quantity when it is about the number, at the code (or the name
        /// where the table has no codes) when it is about the unit.
        /// </summary>
        public IReadOnlyList<ImportIssue> Explain(IReadOnlyList<BatchRefusal> refusals) =>
        [
            .. from refusal in refusals
               from item in _byUnit.Value[refusal.UnitId]
               let field = refusal.Error.Code is AllocationErrorCode.ExceedsParent or AllocationErrorCode.ChildrenExceedParent or AllocationErrorCode.BelowHandedOn
                   or AllocationErrorCode.UnitInactive or AllocationErrorCode.InvalidQuantity
                   ? ImportField.Quantity
                   : item.Row.Table.CodeColumn is null ? ImportField.Name : ImportField.Code
               select item.Row.Issue(ImportErrorCode.Refused, field) with { Refusal = refusal.Error, Unit = item.Unit.Name },
        ];
    }
}
