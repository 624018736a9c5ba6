using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LicenseAllocation.Web.Components.Plans;

public partial class ProductDetailsForm
{
    private readonly ServiceCall _save = new();
    private string? _name;
    private string? _vendor;
    private string? _start;
    private string? _end;
    private string? _invalidDay;
    private bool _open;

    [Inject]
    private PlanProduct Product { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Resources.Plans> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Parameter, EditorRequired]
    public PlanSummary Plan { get; set; } = default!;

    [Parameter, EditorRequired]
    public Caller Caller { get; set; } = default!;

    /// <summary>Raised after a save, so the page shows the plan with its new product.</summary>
    [Parameter]
    public EventCallback OnSaved { get; set; }

    private string? Refusal => _invalidDay ?? _save.Refusal;

    private void Open()
    {
        _open = true;
        _invalidDay = null;
        _name = Plan.ProductName;
        _vendor = Plan.Vendor;
        _start = Plan.LicenceTermStart is { } start ? Ui.D(start) : null;
        _end = Plan.LicenceTermEnd is { } end ? Ui.D(end) : null;
    }

    private void Close() => _open = false;

    private async Task SaveAsync()
    {
        if (!DayText.TryParse(_start, out var start) || !DayText.TryParse(_end, out var end))
        {
            _invalidDay = Text[nameof(Common.InvalidDay)];
            return;
        }

        _invalidDay = null;
        var (saved, _) = await _save.RunAsync(() => Product.DescribeAsync(Caller, new ProductDetails(Plan.Id, _name, _vendor, start, end)));
        if (saved)
        {
            _open = false;
            Snackbar.Add(Loc[nameof(Resources.Plans.ProductSaved)], Severity.Success);
            await OnSaved.InvokeAsync();
        }
    }
}
