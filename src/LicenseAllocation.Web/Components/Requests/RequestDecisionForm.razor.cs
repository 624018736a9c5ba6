using System.Globalization;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Requests;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Requests;

/// <summary>
/// Approves all, part or none of a request. The siblings with licences not handed on may be named as the source instead
/// of the parent's remaining; every rule (comment, room, lock) is the service's, and its refusal is shown as it words it.
/// </summary>
public partial class RequestDecisionForm
{
    private readonly ServiceCall _call = new();
    private IReadOnlyList<UnitNodeView> _siblings = [];
    private string? _approved;
    private string? _comment;
    private int _sourceUnitId;

    [Inject]
    private RequestService Requests { get; set; } = default!;

    [Inject]
    private TreeBrowsing Tree { get; set; } = default!;

    [Inject]
    private IStringLocalizer<RequestTexts> Loc { get; set; } = default!;

    [Parameter, EditorRequired]
    public PlanContext Plan { get; set; } = default!;

    [Parameter, EditorRequired]
    public RequestView Request { get; set; } = default!;

    [Parameter]
    public EventCallback<RequestView> OnDecided { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _approved = Request.Requested.ToString(CultureInfo.InvariantCulture);
        var unit = await Tree.GetNodesAsync(Plan.Caller, Plan.Plan.Id, [Request.UnitId]);
        if (unit is { Succeeded: true, Value: [{ ParentUnitId: { } parentId }] })
        {
            var children = await Tree.GetChildrenAsync(Plan.Caller, Plan.Plan.Id, parentId, depth: 1);
            _siblings = children.Succeeded ? [.. children.Value.Select(r => r.Node).Where(n => n.UnitId != Request.UnitId && n.Remaining > 0)] : [];
        }
    }

    private Task DecideAsync()
    {
        var approved = int.TryParse(_approved?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var quantity) ? quantity : -1;
        return SendAsync(approved);
    }

    private Task RejectAsync() => SendAsync(0);

    private async Task SendAsync(int approved)
    {
        var source = _sourceUnitId > 0 && approved > 0 ? _sourceUnitId : (int?)null;
        var (succeeded, decided) = await _call.RunAsync(() => Requests.DecideAsync(Plan.Caller, new DecideRequest(Request.Id, approved, _comment, source)));
        if (succeeded)
        {
            await OnDecided.InvokeAsync(decided!);
        }
    }
}
