using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Layout;

/// <summary>
/// Rendered once with the page (outside the interactive routes), in the reader's language: the dialog must be in the
/// document before the circuit drops, and it cannot be drawn by the circuit that has just gone.
/// </summary>
public sealed partial class ReconnectModal
{
    [Inject]
    private IStringLocalizer<Shell> Loc { get; set; } = default!;
}
