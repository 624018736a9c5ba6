using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Needs;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Web.Components.Controls;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Needs;

public partial class PurchaseForm
{
    private readonly ServiceCall _call = new();
    private PurchaseInput _input = new();

    [Inject]
    private PurchaseService Purchases { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Resources.Needs> Loc { get; set; } = default!;

    [Parameter, EditorRequired]
    public Caller Caller { get; set; } = default!;

    [Parameter, EditorRequired]
    public PlanSummary Plan { get; set; } = default!;

    [Parameter, EditorRequired]
    public int UnitId { get; set; }

    [Parameter]
    public EventCallback<PurchaseView> OnRecorded { get; set; }

    /// <summary>The rule of the letter, with the product the province announced (or that none is announced yet).</summary>
    private string RuleText => Plan.ProductName is { } product
        ? Loc[nameof(Resources.Needs.PurchaseRule), string.IsNullOrWhiteSpace(Plan.Vendor) ? product : $"{product} ({Plan.Vendor})"]
        : Loc[nameof(Resources.Needs.PurchaseRuleNotAnnounced)];

    private async Task SaveAsync()
    {
        var (succeeded, purchase) = await _call.RunAsync(() => Purchases.RecordAsync(Caller, new RecordPurchase(Plan.Id, UnitId, _input.ToDetails())));
        if (succeeded)
        {
            _input = new PurchaseInput();
            await OnRecorded.InvokeAsync(purchase!);
        }
    }
}
