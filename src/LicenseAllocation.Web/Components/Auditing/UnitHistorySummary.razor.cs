using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Web.Components.Controls;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using AuditingText = LicenseAllocation.Web.Resources.Auditing;

namespace LicenseAllocation.Web.Components.Auditing;

public partial class UnitHistorySummary
{
    [Inject]
    private IStringLocalizer<AuditingText> Loc { get; set; } = default!;

    [Parameter, EditorRequired]
    public UnitHistory History { get; set; } = default!;

    private IReadOnlyList<Figure> Figures =>
    [
        new(Loc[nameof(AuditingText.CurrentQuantity)], History.Unit.Quantity, "history-current"),
        new(Loc[nameof(AuditingText.ByTheTrail)], History.TrailQuantity, "history-trail", Attention: !History.Reconciles),
    ];
}
