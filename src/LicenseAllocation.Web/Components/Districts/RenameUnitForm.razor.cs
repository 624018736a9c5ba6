using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Units;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Districts;

public partial class RenameUnitForm
{
    private readonly ServiceCall _call = new();
    private int? _editing;
    private string? _newName;

    [Inject]
    private UnitAdministration Units { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Resources.Districts> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Parameter, EditorRequired]
    public Caller Caller { get; set; } = default!;

    [Parameter, EditorRequired]
    public int PlanId { get; set; }

    [Parameter, EditorRequired]
    public UnitNodeView Unit { get; set; } = default!;

    [Parameter]
    public EventCallback OnRenamed { get; set; }

    [Parameter]
    public EventCallback OnClose { get; set; }

    protected override void OnParametersSet()
    {
        // Start from the current name once per unit, not on every render of the page around it.
        if (_editing != Unit.UnitId)
        {
            (_editing, _newName) = (Unit.UnitId, Unit.Name);
            _call.Clear();
        }
    }

    private async Task RenameAsync()
    {
        var (renamed, _) = await _call.RunAsync(() => Units.UpdateUnitAsync(Caller, PlanId, Unit.UnitId, name: _newName ?? string.Empty));
        if (renamed)
        {
            await OnRenamed.InvokeAsync();
        }
    }
}
