using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace LicenseAllocation.Web.Components.Requests;

public partial class UnitSelect<TUnit>
{
    [Parameter, EditorRequired]
    public string Label { get; set; } = string.Empty;

    [Parameter, EditorRequired]
    public IReadOnlyList<TUnit> Units { get; set; } = [];

    [Parameter, EditorRequired]
    public Func<TUnit, int> IdOf { get; set; } = default!;

    [Parameter, EditorRequired]
    public Func<TUnit, string> NameOf { get; set; } = default!;

    [Parameter]
    public int Value { get; set; }

    [Parameter]
    public EventCallback<int> ValueChanged { get; set; }

    [Parameter]
    public string? TestId { get; set; }

    /// <summary>When set, a first choice of no unit (value 0) with this text.</summary>
    [Parameter]
    public string? NoUnit { get; set; }

    private Task ChosenAsync(ChangeEventArgs e) => ValueChanged.InvokeAsync(
        int.TryParse(e.Value?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0);
}
