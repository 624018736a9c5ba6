using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Needs;
using LicenseAllocation.Web.Components.Controls;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Needs;

public partial class PurchaseList
{
    private readonly ServiceCall _call = new();
    private long? _cancelling;
    private string? _reason;

    [Inject]
    private PurchaseService Purchases { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Resources.Needs> Loc { get; set; } = default!;

    [Parameter, EditorRequired]
    public Caller Caller { get; set; } = default!;

    [Parameter, EditorRequired]
    public IReadOnlyList<PurchaseView> Items { get; set; } = [];

    /// <summary>The caller may write the unit's purchases and the plan is a draft.</summary>
    [Parameter]
    public bool CanCancel { get; set; }

    [Parameter]
    public EventCallback OnChanged { get; set; }

    private void BeginCancel(long id) => (_cancelling, _reason) = (id, null);

    private async Task CancelAsync(long id)
    {
        var (succeeded, _) = await _call.RunAsync(() => Purchases.CancelAsync(Caller, id, _reason));
        if (succeeded)
        {
            _cancelling = null;
            await OnChanged.InvokeAsync();
        }
    }
}
