using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using AuditingText = LicenseAllocation.Web.Resources.Auditing;

namespace LicenseAllocation.Web.Components.Auditing;

public partial class UnitHistoryTable
{
    [Inject]
    private IStringLocalizer<AuditingText> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Parameter, EditorRequired]
    public UnitHistory History { get; set; } = default!;

    private string ChangeSetLink(Guid changeSetId) => AuditLinks.Trail(new AuditFilter(History.PlanId, ChangeSetId: changeSetId));
}
