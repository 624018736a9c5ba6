using LicenseAllocation.Web.Resources;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Localization;

/// <summary>
/// The name of an enum value in the reader's language, from <c>Common.resx</c> under the key <c>{Type}_{Value}</c>
/// (for example <c>UnitKind_CommuneCommittee</c>); the localization test checks that every value has its key.
/// </summary>
internal static class EnumText
{
    public static string Of<TEnum>(this IStringLocalizer<Common> text, TEnum value)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(text);
        return text[Key(value)];
    }

    public static string Key<TEnum>(TEnum value)
        where TEnum : struct, Enum => $"{typeof(TEnum).Name}_{value}";
}
