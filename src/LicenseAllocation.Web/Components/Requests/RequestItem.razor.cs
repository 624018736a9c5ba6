using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Requests;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Requests;

public partial class RequestItem
{
    private readonly ServiceCall _call = new();

    [Inject]
    private RequestService Requests { get; set; } = default!;

    [Inject]
    private IStringLocalizer<RequestTexts> Loc { get; set; } = default!;

    [Parameter, EditorRequired]
    public PlanContext Plan { get; set; } = default!;

    [Parameter, EditorRequired]
    public RequestView Request { get; set; } = default!;

    /// <summary>Raised with the request as it is after a decision or a withdrawal made here.</summary>
    [Parameter]
    public EventCallback<RequestView> OnChanged { get; set; }

    private static string Number(int? value) => value is { } n ? Ui.N(n) : "–";

    private static string When(DateTime utc) => Ui.DT(VietnamTime.FromUtc(utc));

    private async Task WithdrawAsync()
    {
        var (succeeded, withdrawn) = await _call.RunAsync(() => Requests.WithdrawAsync(Plan.Caller, Request.Id));
        if (succeeded)
        {
            await OnChanged.InvokeAsync(withdrawn!);
        }
    }
}
