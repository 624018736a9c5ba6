using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Allocation;

public sealed partial class TreeFilterBar
{
    private string? _text;
    private UnitKind? _kind;
    private bool _notYetAllocated;
    private bool _hasRoomLeft;

    [Inject]
    private IStringLocalizer<Resources.Allocation> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    /// <summary>The filter the tree shows now.</summary>
    [Parameter]
    public TreeFilter? Filter { get; set; }

    [Parameter]
    public int MatchCount { get; set; }

    [Parameter]
    public int Shown { get; set; }

    [Parameter]
    public bool Truncated { get; set; }

    [Parameter]
    public bool Disabled { get; set; }

    [Parameter]
    public EventCallback<TreeFilter> OnFilter { get; set; }

    private string CountText => MatchCount == 0
        ? Loc[nameof(Resources.Allocation.NoMatch)]
        : Truncated
            ? Loc[nameof(Resources.Allocation.MatchCountTruncated), Ui.N(MatchCount), Ui.N(Shown)]
            : Loc[nameof(Resources.Allocation.MatchCount), Ui.N(MatchCount)];

    private void TextChanged(string? text) => _text = text;

    // Typing waits for a pause (the debounce); clearing the box with its button searches at once.
    private Task SearchAsync(string? text)
    {
        _text = text;
        return ApplyAsync();
    }

    private string KindValue => _kind?.ToString() ?? "";

    private Task KindSelectedAsync(ChangeEventArgs change)
    {
        _kind = Enum.TryParse<UnitKind>(change.Value as string, out var kind) && Enum.IsDefined(kind) ? kind : null;
        return ApplyAsync();
    }

    private Task UnallocatedChangedAsync(bool value)
    {
        _notYetAllocated = value;
        return ApplyAsync();
    }

    private Task RoomChangedAsync(bool value)
    {
        _hasRoomLeft = value;
        return ApplyAsync();
    }

    private Task ClearAsync()
    {
        (_text, _kind, _notYetAllocated, _hasRoomLeft) = (null, null, false, false);
        return ApplyAsync();
    }

    private Task ApplyAsync() => OnFilter.InvokeAsync(new TreeFilter(_text?.Trim(), _kind, _notYetAllocated, _hasRoomLeft));
}
