using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Units;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Districts;

public partial class AddUnitForm
{
    /// <summary>The kinds a district may hold directly.</summary>
    private static readonly UnitKind[] Kinds = [UnitKind.DistrictAgency, UnitKind.CommuneCommittee];

    private readonly ServiceCall _call = new();
    private string? _name;
    private string? _code;
    private UnitKind _kind = UnitKind.DistrictAgency;

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
    public int DistrictId { get; set; }

    /// <summary>Raised with the new unit's name after it was added.</summary>
    [Parameter]
    public EventCallback<string> OnAdded { get; set; }

    [Parameter]
    public EventCallback OnClose { get; set; }

    private async Task AddAsync()
    {
        var (added, unit) = await _call.RunAsync(() => Units.AddUnitAsync(Caller, PlanId, DistrictId, _name ?? string.Empty, _kind, _code));
        if (!added)
        {
            return;
        }

        (_name, _code) = (null, null);
        await OnAdded.InvokeAsync(unit!.Name);
    }
}
