using System.Globalization;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Needs;
using LicenseAllocation.Web.Components.Controls;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Needs;

public partial class NeedEditor
{
    private readonly ServiceCall _call = new();
    private string? _computers;
    private string? _reason;
    private string? _typed;

    [Inject]
    private NeedService Needs { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Resources.Needs> Loc { get; set; } = default!;

    [Parameter, EditorRequired]
    public Caller Caller { get; set; } = default!;

    [Parameter, EditorRequired]
    public int PlanId { get; set; }

    [Parameter, EditorRequired]
    public int UnitId { get; set; }

    /// <summary>The need stated now, to start from; null while none is.</summary>
    [Parameter]
    public int? Current { get; set; }

    /// <summary>Raised with the unit's coverage once the need is saved.</summary>
    [Parameter]
    public EventCallback<CoverageLine> OnSaved { get; set; }

    private int? _startedFrom;

    protected override void OnParametersSet()
    {
        if (_startedFrom != Current || _computers is null)
        {
            _startedFrom = Current;
            _computers = Current?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
        }
    }

    private async Task SaveAsync()
    {
        // A figure that is not a whole number never reaches the service (the API answers invalid-need for it).
        var parsed = int.TryParse(_computers?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var computers);
        if (!parsed)
        {
            _typed = Loc[nameof(Resources.Needs.NeedNotANumber)];
            return;
        }

        _typed = null;
        var (succeeded, line) = await _call.RunAsync(() => Needs.StateAsync(Caller, new StateNeed(PlanId, UnitId, computers, string.IsNullOrWhiteSpace(_reason) ? null : _reason)));
        if (succeeded)
        {
            _reason = null;
            await OnSaved.InvokeAsync(line!);
        }
    }
}
