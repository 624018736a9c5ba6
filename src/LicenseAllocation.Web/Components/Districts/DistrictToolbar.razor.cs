using LicenseAllocation.Application.Access;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Districts;

public partial class DistrictToolbar
{
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

    [Parameter]
    public EventCallback OnBeginBulkEdit { get; set; }

    [Parameter]
    public EventCallback OnOpenAddUnit { get; set; }

    [Parameter]
    public EventCallback<int> OnAgenciesAdded { get; set; }

    private string TemplateUrl => $"/api/v1/plans/{PlanId}/units/{DistrictId}/template.xlsx";

    private string ImportUrl => $"/plans/{PlanId}/import?unitId={DistrictId}";
}
