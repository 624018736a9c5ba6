using Microsoft.AspNetCore.Components;

namespace LicenseAllocation.Web.Components.Controls;

public partial class PageHeader
{
    [Parameter, EditorRequired]
    public string Title { get; set; } = string.Empty;

    [Parameter]
    public string? Subtitle { get; set; }

    /// <summary>The page's actions (buttons, downloads), shown to the right of the title.</summary>
    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    [Parameter]
    public string TestId { get; set; } = "page-title";
}
