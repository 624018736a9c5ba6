using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Decisions;
using LicenseAllocation.Domain.Units;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Plans;

public sealed partial class LevelDecisionRow
{
    [Inject]
    private IStringLocalizer<Resources.Plans> Loc { get; set; } = default!;

    [Parameter, EditorRequired]
    public int PlanId { get; set; }

    [Parameter, EditorRequired]
    public LevelDecisionView Level { get; set; } = default!;

    [Parameter, EditorRequired]
    public Caller Caller { get; set; } = default!;

    [Parameter]
    public bool PlanOpen { get; set; } = true;

    [Parameter]
    public EventCallback OnChanged { get; set; }

    private string LevelName => Level switch
    {
        { IsLetter: true } => Loc[nameof(Resources.Plans.LetterLevel), Level.IssuingUnitName],
        { IssuingUnitKind: UnitKind.DistrictGroup } => Loc[nameof(Resources.Plans.DetailedAllocationLevel), Level.IssuingUnitName],
        _ => Level.IssuingUnitName,
    };
}
