using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Districts;
using LicenseAllocation.Application.Plans;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Exports;

/// <summary>
/// The flat export: every unit of a plan the caller may see, one row each in tree order, as a workbook streamed to a
/// temporary file. Sized for a national tree (tens of thousands of units): the rows are read as small projected records,
/// never as entities, and the workbook is written row by row, never held in memory whole.
/// </summary>
public sealed class UnitListExport(IDbContextFactory<AllocationDbContext> contextFactory)
{
    /// <summary>The rows, scoped like the plan's tree: the whole plan for the province and the auditor, the scope unit's subtree for others.</summary>
    public Task<Outcome<IReadOnlyList<UnitListRow>>> GetRowsAsync(Caller caller, int planId, CancellationToken cancellationToken = default) =>
        PlanReading.ReadAsync<IReadOnlyList<UnitListRow>>(contextFactory, caller, planId, async db =>
        {
            var nodes = await PlanTreeQuery.Rows(db, planId).ToListAsync(cancellationToken);

            // Ordered over the whole plan, so that levels count from the province whatever part of the tree is exported.
            var ordered = PlanTreeQuery.InTreeOrder(nodes);
            // Only the caller's own subtree leaves the service; without a scope unit in the plan that is nothing.
            var visible = UnitScope.VisibleTo(caller, nodes);

            // Parent names come from the visible units only: the scope unit's own parent stays outside the export.
            var names = nodes.Where(n => visible?.Contains(n.UnitId) ?? true).ToDictionary(n => n.UnitId, n => n.Name);
            var unitIds = names.Keys.ToList();
            var agencyCodes = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id) && u.AgencyCode != null)
                .ToDictionaryAsync(u => u.Id, u => u.AgencyCode, cancellationToken);
            var rows = new List<UnitListRow>(names.Count);
            foreach (var row in ordered)
            {
                var node = row.Node;
                if (!names.ContainsKey(node.UnitId))
                {
                    continue;
                }

                var hasChildren = row.ChildCount > 0;
                rows.Add(new UnitListRow(
                    rows.Count + 1,
                    node.Code,
                    node.Name,
                    node.Kind,
                    node.ParentUnitId is { } parent ? names.GetValueOrDefault(parent) : null,
                    row.Depth + 1,
                    node.Quantity,
                    hasChildren ? node.HandedOn : null,
                    hasChildren ? node.Remaining : null,
                    AllocationStatuses.Of(node.Quantity, node.HandedOn, hasChildren),
                    node.IsActive,
                    agencyCodes.GetValueOrDefault(node.UnitId)));
            }

            return rows;
        }, cancellationToken);

    /// <summary>
    /// Writes the workbook to a temporary file and returns it open for reading; the file deletes itself when the stream
    /// is closed, so the caller streams it out and disposes it.
    /// </summary>
    public async Task<Outcome<Stream>> ExportAsync(Caller caller, int planId, CancellationToken cancellationToken = default)
    {
        var rows = await GetRowsAsync(caller, planId, cancellationToken);
        if (!rows.Succeeded)
        {
            return rows.Error;
        }

        return Outcome.Success(await WriteToTemporaryFileAsync(rows.Value));
    }

    /// <summary>The workbook of the given rows in a temporary file that is deleted when the returned stream is closed.</summary>
    public static Task<Stream> WriteToTemporaryFileAsync(IReadOnlyCollection<UnitListRow> rows) =>
        StreamedWorkbook.ToTemporaryFileAsync(file =>
        {
            UnitListWorkbook.Write(rows, file);
            return Task.CompletedTask;
        });
}
