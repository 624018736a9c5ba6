using System.Globalization;
using System.Text;
using HostingText = LicenseAllocation.Web.Resources.Hosting;

namespace LicenseAllocation.Web.Hosting;

/// <summary>
/// What the portal tells the operator on its console before it serves, or from a command-line verb: the sentences of
/// <c>Resources/Hosting.resx</c>, written in Vietnamese and then in English, since whoever reads a service's log may
/// be either.
/// </summary>
internal static class HostingMessages
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static string Format(string key, CultureInfo culture, params object[] arguments) =>
        string.Format(culture, CompositeFormat.Parse(HostingText.ResourceManager.GetString(key, culture)!), arguments);

    /// <summary>The sentence in Vietnamese, then in English on the next line (indented by <paramref name="indent"/> after the first).</summary>
    public static void WriteBoth(TextWriter writer, string key, object[] arguments, string bullet = "", string indent = "")
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(bullet + Format(key, Vietnamese, arguments));
        writer.WriteLine(indent + Format(key, English, arguments));
    }
}
