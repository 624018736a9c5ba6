using System.Text;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Web.Localization;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Localization;

public sealed class ResourceCompletenessTests
{
    public static TheoryData<string> NeutralResources()
    {
        var data = new TheoryData<string>();
        foreach (var (vietnamese, _) in ResourceFile.Pairs())
        {
            data.Add(Path.GetRelativePath(BuildPaths.RepositoryRoot, vietnamese));
        }

        return data;
    }

    [Fact]
    public void The_portal_and_the_application_have_resources_to_check()
    {
        ResourceFile.Pairs().Count().ShouldBeGreaterThanOrEqualTo(2);
    }

    [Theory]
    [MemberData(nameof(NeutralResources))]
    public void Every_key_has_both_languages_with_the_same_placeholders(string relativePath)
    {
        var vietnameseFile = Path.Combine(BuildPaths.RepositoryRoot, relativePath);
        var englishFile = Path.ChangeExtension(vietnameseFile, ".en.resx");
        File.Exists(englishFile).ShouldBeTrue($"{relativePath} has no English file");
        var vietnamese = ResourceFile.Read(vietnameseFile).Entries;
        var english = ResourceFile.Read(englishFile).Entries;

        vietnamese.Keys.Except(english.Keys).ShouldBeEmpty($"keys of {relativePath} without English");
        english.Keys.Except(vietnamese.Keys).ShouldBeEmpty($"keys of {relativePath} without Vietnamese");
        foreach (var (key, text) in vietnamese)
        {
            text.ShouldNotBeNullOrWhiteSpace($"{key} is empty in Vietnamese");
            english[key].ShouldNotBeNullOrWhiteSpace($"{key} is empty in English");
            text.IsNormalized(NormalizationForm.FormC).ShouldBeTrue($"{key} is not in Unicode NFC");
            ResourceFile.Placeholders(english[key]).SetEquals(ResourceFile.Placeholders(text))
                .ShouldBeTrue($"{key} has other placeholders in English than in Vietnamese");
        }
    }

    [Fact]
    public void Every_kind_status_and_role_has_a_name_in_both_languages()
    {
        var common = ResourceFile.Read(Path.Combine(BuildPaths.RepositoryRoot, "src/LicenseAllocation.Web/Resources/Common.resx")).Entries;
        IEnumerable<string> keys =
        [
            .. Enum.GetValues<UnitKind>().Select(v => EnumText.Key(v)),
            .. Enum.GetValues<PlanStatus>().Select(v => EnumText.Key(v)),
            .. Enum.GetValues<PortalRole>().Select(v => EnumText.Key(v)),
        ];

        keys.Where(k => !common.ContainsKey(k)).ShouldBeEmpty();
    }
}
