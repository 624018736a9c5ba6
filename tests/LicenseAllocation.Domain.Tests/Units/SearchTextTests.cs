using System.Text;
using LicenseAllocation.Domain.Units;
using Shouldly;

namespace LicenseAllocation.Domain.Tests.Units;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Xã Tân Kiều", "xa tan kieu")]
    [InlineData("  Phòng   Nội vụ ", "phong noi vu")]
    [InlineData("Thành phố Đồng Tháp", "thanh pho dong thap")]
    [InlineData("ĐỒNG THÁP", "dong thap")]
    public void Names_fold_without_diacritics_case_or_extra_spaces(string name, string folded)
    {
        SearchText.Fold(name).ShouldBe(folded);
    }

    [Fact]
    public void A_name_typed_in_decomposed_unicode_folds_like_the_composed_one()
    {
        SearchText.Fold("Mỹ An".Normalize(NormalizationForm.FormD)).ShouldBe(SearchText.Fold("Mỹ An"));
    }

    [Theory]
    [InlineData("tan kieu", "xa tan kieu", null, true)]
    [InlineData("kieu tan", "xa tan kieu", null, false)]
    [InlineData("2986", "xa tan kieu", "29869", true)]
    [InlineData("9869", "xa tan kieu", "29869", false)]
    [InlineData("", "xa tan kieu", null, true)]
    public void A_unit_matches_by_part_of_its_name_or_the_start_of_its_code(string query, string foldedName, string? code, bool matches)
    {
        SearchText.Matches(query, foldedName, code).ShouldBe(matches);
    }
}
