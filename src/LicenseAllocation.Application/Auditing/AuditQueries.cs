using System.Globalization;
using System.Runtime.CompilerServices;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Auditing;

/// <summary>
/// Reads the audit trail for the people who check it: filtered pages newest first, the whole filtered trail for an
/// export, and one unit's history with its running figure. The administrator and the auditor read every row; a
/// district officer and a unit viewer read the rows of the units in their scope's subtree and never the rows about user
/// accounts, which concern no unit.
/// </summary>
public sealed class AuditQueries(IDbContextFactory<AllocationDbContext> contextFactory, TimeProvider clock)
{
    /// <summary>Rows per page of the trail, fixed so that a page number means the same rows for every client.</summary>
    public const int PageSize = 50;

    /// <summary>Rows read at a time for an export: enough to keep the database busy, few enough to keep memory flat.</summary>
    private const int ExportPageSize = 1_000;

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public async Task<Outcome<AuditPage>> PageAsync(Caller caller, AuditFilter filter, int page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(filter);
        if (!AccessPolicy.CanReadAudit(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var selection = await SelectAsync(db, caller, filter, cancellationToken);
        if (!selection.Succeeded)
        {
            return selection.Error;
        }

        page = Math.Clamp(page, 1, int.MaxValue / PageSize);
        var query = selection.Value.In(db);
        var total = await query.CountAsync(cancellationToken);
        var entries = await query.OrderByDescending(a => a.Sequence).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new AuditPage(await RowsAsync(db, entries, cancellationToken), total, page, PageSize);
    }

    /// <summary>
    /// Every row that matches, newest first, with the filters in words: the content of an exported trail. The rows are
    /// read as they are enumerated, a page at a time on a short-lived context of their own, so an export of any length
    /// holds one page in memory; rows committed after the export started are not in it.
    /// </summary>
    public async Task<Outcome<AuditDocument>> ExportAsync(Caller caller, AuditFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(filter);
        if (!AccessPolicy.CanReadAudit(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var selection = await SelectAsync(db, caller, filter, cancellationToken);
        if (!selection.Succeeded)
        {
            return selection.Error;
        }

        var upTo = await selection.Value.In(db).MaxAsync(a => (long?)a.Sequence, cancellationToken) ?? 0;
        var count = await selection.Value.In(db).CountAsync(a => a.Sequence <= upTo, cancellationToken);
        var planName = filter.PlanId is { } planId ? await db.Plans.Where(p => p.Id == planId).Select(p => p.Name).SingleAsync(cancellationToken) : null;
        var exportedAt = VietnamTime.FromUtc(clock.GetUtcNow().UtcDateTime);
        var verdict = await new AuditChainVerifier(contextFactory).VerifyAsync(cancellationToken);
        return new AuditDocument(
            "NHẬT KÝ THAY ĐỔI",
            planName is null ? "Toàn bộ nhật ký của cổng thông tin" : $"Kế hoạch: {planName}",
            await DescribeAsync(db, caller, filter, selection.Value.ScopeApplied, cancellationToken),
            exportedAt,
            caller.UserName,
            count,
            NewestFirstAsync(selection.Value, upTo + 1, cancellationToken),
            IntegrityLine(verdict, exportedAt));
    }

    private static string IntegrityLine(AuditChainVerdict verdict, DateTimeOffset at) => string.Create(Vietnamese,
        $"Kiểm tra toàn vẹn lúc {at:dd/MM/yyyy HH:mm}: {AuditVerdictText.Describe(verdict, Vietnamese)} Đầu chuỗi: {verdict.Head}.");

    /// <summary>One unit's rows in a plan, oldest first, with the quantity after each; for whoever may see the unit.</summary>
    public async Task<Outcome<UnitHistory>> UnitHistoryAsync(Caller caller, int planId, int unitId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.CanReadAudit(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var planName = await db.Plans.Where(p => p.Id == planId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken);
        var unit = planName is null ? null : await PlanTreeQuery.Rows(db, planId, unitId: unitId).SingleOrDefaultAsync(cancellationToken);
        if (planName is null || unit is null)
        {
            return AllocationError.NotFound();
        }

        var withinScope = AccessPolicy.SeesWholeTree(caller) || await UnitScope.IsWithinAsync(db, caller, unitId, cancellationToken);
        if (!AccessPolicy.CanRead(caller, withinScope))
        {
            return AllocationError.OutOfScope();
        }

        // A plan made from another (an amendment, a copy, a successor plan) has one row for the copy instead of a row per
        // unit: it heads the unit's history, and the unit's figure starts from what was carried with it.
        var carried = await db.Nodes.Where(n => n.PlanId == planId && n.UnitId == unitId).Select(n => n.CarriedQuantity).SingleAsync(cancellationToken);
        var copied = await db.Nodes.AnyAsync(n => n.PlanId == planId && n.CarriedQuantity > 0, cancellationToken);
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.PlanId == planId && (a.UnitId == unitId || (copied && a.UnitId == null && a.Action == AuditAction.PlanCreated)))
            .OrderBy(a => a.Sequence)
            .ToListAsync(cancellationToken);
        var rows = new List<UnitHistoryRow>(entries.Count);
        var running = 0;
        foreach (var row in await RowsAsync(db, entries, cancellationToken))
        {
            if (row.UnitId is null)
            {
                running = carried;
                rows.Add(new UnitHistoryRow(row, running, Continues: true));
                continue;
            }

            var continues = true;
            if (row.OldValue is { } oldValue && row.NewValue is { } newValue)
            {
                continues = oldValue == running;
                running += newValue - oldValue;
            }

            rows.Add(new UnitHistoryRow(row, running, continues));
        }

        return new UnitHistory(planId, planName, unit, await AncestorsAsync(db, unit.ParentUnitId, cancellationToken), rows);
    }

    /// <summary>The selected rows below place <paramref name="before"/>, newest first, read <see cref="ExportPageSize"/> at a time.</summary>
    private async IAsyncEnumerable<AuditRow> NewestFirstAsync(Selection selection, long before, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true)
        {
            IReadOnlyList<AuditRow> rows;
            await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
            {
                var last = before;
                var page = await selection.In(db).Where(a => a.Sequence < last)
                    .OrderByDescending(a => a.Sequence).Take(ExportPageSize).ToListAsync(cancellationToken);
                rows = await RowsAsync(db, page, cancellationToken);
                if (page.Count > 0)
                {
                    before = page[^1].Sequence;
                }
            }

            foreach (var row in rows)
            {
                yield return row;
            }

            if (rows.Count < ExportPageSize)
            {
                yield break;
            }
        }
    }

    /// <summary>The units and users the trail page offers as filters: those whose rows the caller may see.</summary>
    public async Task<Outcome<AuditFilterChoices>> FilterChoicesAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.CanReadAudit(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var units = await db.Units.AsNoTracking()
            .OrderBy(u => u.Kind).ThenBy(u => u.ParentId).ThenBy(u => u.Order).ThenBy(u => u.Id)
            .Select(u => new { u.Id, u.ParentId, u.Name, ParentName = u.Parent == null ? null : u.Parent.Name })
            .ToListAsync(cancellationToken);
        var visible = VisibleUnits(caller, units.ToDictionary(u => u.Id, u => u.ParentId));
        var rows = db.AuditEntries.AsNoTracking();
        if (visible is not null)
        {
            var ids = visible.ToList();
            rows = rows.Where(a => a.UnitId != null && ids.Contains(a.UnitId.Value));
        }

        var actors = await rows.Select(a => a.Actor).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
        return new AuditFilterChoices(
            [.. units.Where(u => visible is null || visible.Contains(u.Id)).Select(u => new AuditUnitChoice(u.Id, u.Name, u.ParentName))],
            actors);
    }

    /// <summary>
    /// The rows the caller may see that match the filter, or why none may be read: an unknown plan or unit is not
    /// found, a unit outside a scoped caller's subtree is out of scope.
    /// </summary>
    private static async Task<Outcome<Selection>> SelectAsync(AllocationDbContext db, Caller caller, AuditFilter filter, CancellationToken cancellationToken)
    {
        if (filter.PlanId is { } planId && !await db.Plans.AnyAsync(p => p.Id == planId, cancellationToken))
        {
            return AllocationError.NotFound();
        }

        HashSet<int>? units = null;
        var scopeApplied = !AccessPolicy.SeesWholeTree(caller);
        if (filter.UnitId is not null || scopeApplied)
        {
            // The whole unit tree is a few hundred rows (province, districts, communes and their agencies).
            var parents = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.ParentId, cancellationToken);
            var visible = VisibleUnits(caller, parents);
            if (filter.UnitId is { } unitId)
            {
                if (!parents.ContainsKey(unitId))
                {
                    return AllocationError.NotFound();
                }

                if (visible is not null && !visible.Contains(unitId))
                {
                    return AllocationError.OutOfScope();
                }

                units = UnitScope.Subtree(unitId, parents);
            }
            else
            {
                units = visible;
            }
        }

        // Applied to a context's trail: the export reads its pages on contexts of their own.
        var ids = units?.ToList();
        IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> query)
        {
            if (filter.PlanId is { } plan)
            {
                query = query.Where(a => a.PlanId == plan);
            }

            if (ids is not null)
            {
                // Rows without a unit (user accounts) fall out here: a unit filter or a scope never covers them.
                query = query.Where(a => a.UnitId != null && ids.Contains(a.UnitId.Value));
            }

            if (filter.From is { } from)
            {
                var start = VietnamTime.StartOfDayUtc(from);
                query = query.Where(a => a.AtUtc >= start);
            }

            if (filter.To is { } to && to < DateOnly.MaxValue)
            {
                var end = VietnamTime.StartOfDayUtc(to.AddDays(1));
                query = query.Where(a => a.AtUtc < end);
            }

            if (filter.UserName?.Trim() is { Length: > 0 } userName)
            {
                var lower = userName.ToLowerInvariant();
#pragma warning disable CA1862, CA1304, CA1311 // Translated to SQL lower(); user names are ASCII (Identity's allowed characters).
                query = query.Where(a => a.Actor.ToLower() == lower);
#pragma warning restore CA1862, CA1304, CA1311
            }

            if (filter.Action is { } action)
            {
                query = query.Where(a => a.Action == action);
            }

            if (filter.ChangeSetId is { } changeSetId)
            {
                query = query.Where(a => a.ChangeSetId == changeSetId);
            }

            return query;
        }

        return Outcome.Success(new Selection(Apply, scopeApplied && filter.UnitId is null));
    }

    /// <summary>Null for the roles that see every unit; otherwise the caller's scope subtree (nothing without a scope unit).</summary>
    private static HashSet<int>? VisibleUnits(Caller caller, Dictionary<int, int?> parents) =>
        AccessPolicy.SeesWholeTree(caller) ? null
        : caller.ScopeUnitId is { } scope && parents.ContainsKey(scope) ? UnitScope.Subtree(scope, parents)
        : [];

    private static async Task<IReadOnlyList<AuditRow>> RowsAsync(AllocationDbContext db, List<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var unitIds = entries.Where(e => e.UnitId is not null).Select(e => e.UnitId!.Value).Distinct().ToList();
        var names = unitIds.Count == 0
            ? []
            : await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        var planIds = entries.Where(e => e.PlanId is not null).Select(e => e.PlanId!.Value).Distinct().ToList();
        var plans = planIds.Count == 0
            ? []
            : (await db.Plans.AsNoTracking().Where(p => planIds.Contains(p.Id)).Select(p => new { p.Id, p.Name, p.Version }).ToListAsync(cancellationToken))
                .ToDictionary(p => p.Id, p => PlanLabel(p.Name, p.Version));
        return
        [
            .. entries.Select(e => new AuditRow(
                e.Id,
                e.Sequence,
                e.PlanId,
                VietnamTime.FromUtc(e.AtUtc),
                e.Actor,
                e.Action,
                e.UnitId,
                e.UnitId is { } unitId ? names.GetValueOrDefault(unitId) : null,
                e.OldValue,
                e.NewValue,
                e.Reason,
                e.ChangeSetId,
                e.DocumentRef,
                e.Hash,
                e.PlanId is { } planId ? plans.GetValueOrDefault(planId) : null)),
        ];
    }

    /// <summary>How a trail row names its plan: "Kế hoạch 2020 — phiên bản 2".</summary>
    public static string PlanLabel(string name, int version) =>
        $"{name} — phiên bản {version.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>The names of the unit's ancestors, from the top of the tree down.</summary>
    private static async Task<IReadOnlyList<string>> AncestorsAsync(AllocationDbContext db, int? parentId, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        for (var current = parentId; current is { } id;)
        {
            var parent = await db.Units.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.Name, u.ParentId }).SingleAsync(cancellationToken);
            names.Insert(0, parent.Name);
            current = parent.ParentId;
        }

        return names;
    }

    /// <summary>The filters in Vietnamese words, for the heading of an export (an official record, so always in Vietnamese).</summary>
    private static async Task<string> DescribeAsync(AllocationDbContext db, Caller caller, AuditFilter filter, bool scopeApplied, CancellationToken cancellationToken)
    {
        var parts = new List<string>();
        if (filter.UnitId is { } unitId)
        {
            parts.Add($"Đơn vị: {await UnitNameAsync(db, unitId, cancellationToken)} (gồm cả các đơn vị trực thuộc)");
        }
        else if (scopeApplied)
        {
            var scope = caller.ScopeUnitId is { } scopeUnit ? await UnitNameAsync(db, scopeUnit, cancellationToken) : "(không có)";
            parts.Add($"Phạm vi: {scope} và các đơn vị trực thuộc");
        }

        if (filter.From is { } from)
        {
            parts.Add("Từ ngày: " + from.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        }

        if (filter.To is { } to)
        {
            parts.Add("Đến ngày: " + to.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        }

        if (filter.UserName?.Trim() is { Length: > 0 } userName)
        {
            parts.Add($"Người thực hiện: {userName}");
        }

        if (filter.Action is { } action)
        {
            parts.Add($"Thao tác: {AuditActionText.Of(action, Vietnamese)}");
        }

        if (filter.ChangeSetId is { } changeSet)
        {
            parts.Add($"Lần thay đổi: {changeSet:D}");
        }

        return parts.Count == 0 ? "Không lọc: mọi dòng nhật ký" : string.Join("; ", parts);
    }

    private static async Task<string> UnitNameAsync(AllocationDbContext db, int unitId, CancellationToken cancellationToken) =>
        await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).SingleOrDefaultAsync(cancellationToken) ?? unitId.ToString(CultureInfo.InvariantCulture);

    /// <param name="Apply">Narrows a context's trail to the matching rows.</param>
    /// <param name="ScopeApplied">True when the rows are limited to the caller's scope rather than to a unit the caller chose.</param>
    private sealed record Selection(Func<IQueryable<AuditEntry>, IQueryable<AuditEntry>> Apply, bool ScopeApplied)
    {
        public IQueryable<AuditEntry> In(AllocationDbContext db) => Apply(db.AuditEntries.AsNoTracking());
    }
}
