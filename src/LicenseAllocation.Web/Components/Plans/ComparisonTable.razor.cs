using LicenseAllocation.Application.Plans;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Plans;

public partial class ComparisonTable
{
    private ICollection<ComparisonItem> _rows = [];

    [Inject]
    private IStringLocalizer<Resources.Plans> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Parameter, EditorRequired]
    public IReadOnlyList<ComparisonItem> Items { get; set; } = [];

    /// <summary>The heading of the plan's own column ("Phiên bản 2").</summary>
    [Parameter, EditorRequired]
    public string Version { get; set; } = string.Empty;

    [Parameter, EditorRequired]
    public string OtherVersion { get; set; } = string.Empty;

    // Virtualize takes a collection; the service's lists already are one.
    protected override void OnParametersSet() => _rows = Items as ICollection<ComparisonItem> ?? [.. Items];

    /// <summary>A difference says which way it goes: +40, −5.</summary>
    internal static string Signed(int difference) =>
        difference > 0 ? "+" + Ui.N(difference) : difference < 0 ? "−" + Ui.N(-difference) : "0";
}
