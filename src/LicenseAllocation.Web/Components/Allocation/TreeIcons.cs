using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace LicenseAllocation.Web.Components.Allocation;

/// <summary>Material icons as bare SVG markup: the tree draws hundreds of them, so no component per icon.</summary>
internal static class TreeIcons
{
    private static readonly ConcurrentDictionary<string, MarkupString> Cache = new(StringComparer.Ordinal);

    public static MarkupString Svg(string path) => Cache.GetOrAdd(path, p => new MarkupString(
        $"<svg class=\"tree-icon\" viewBox=\"0 0 24 24\" width=\"20\" height=\"20\" aria-hidden=\"true\" focusable=\"false\" fill=\"currentColor\">{p}</svg>"));
}
