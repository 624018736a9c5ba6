using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Needs;
using LicenseAllocation.Web.Components.Controls;

namespace LicenseAllocation.Web.Components.Requests;

/// <summary>
/// The units of the caller's scope that have a parent (those that can give back or take part in a move), in the tree's
/// order, with their current quantity and what they have not handed on.
/// </summary>
public static class TransferUnits
{
    public static async Task<IReadOnlyList<UnitNodeView>> LoadAsync(CoverageQuery coverage, TreeBrowsing tree, PlanContext plan)
    {
        ArgumentNullException.ThrowIfNull(coverage);
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(plan);
        var report = await coverage.GetAsync(plan.Caller, plan.Plan.Id);
        if (!report.Succeeded)
        {
            return [];
        }

        var ids = report.Value.Items.Where(l => l.ParentUnitId is not null).Select(l => l.UnitId).ToList();
        var nodes = await tree.GetNodesAsync(plan.Caller, plan.Plan.Id, ids);
        if (!nodes.Succeeded)
        {
            return [];
        }

        var byId = nodes.Value.ToDictionary(n => n.UnitId);
        return [.. ids.Where(byId.ContainsKey).Select(id => byId[id])];
    }
}

/// <summary>A change the transfer forms made: how many licences, and the unit(s) after it (<paramref name="To"/> null for a return).</summary>
public sealed record LicencesTransferred(int Quantity, UnitNodeView From, UnitNodeView? To);
