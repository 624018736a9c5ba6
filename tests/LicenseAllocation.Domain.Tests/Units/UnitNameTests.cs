using System.Text;
using LicenseAllocation.Domain.Units;
using Shouldly;

namespace LicenseAllocation.Domain.Tests.Units;

public sealed class UnitNameTests
{
    [Fact]
    public void Decomposed_Vietnamese_is_stored_composed()
    {
        var decomposed = "Xã Tân Thuận Đông".Normalize(NormalizationForm.FormD);

        var stored = UnitName.Normalize(decomposed);

        stored.ShouldBe("Xã Tân Thuận Đông".Normalize(NormalizationForm.FormC));
        stored.IsNormalized(NormalizationForm.FormC).ShouldBeTrue();
    }

    [Fact]
    public void Runs_of_white_space_fold_to_one_space()
    {
        UnitName.Normalize("  Xã Tân  Khánh\tTrung ").ShouldBe("Xã Tân Khánh Trung");
    }

    [Fact]
    public void Names_typed_differently_match()
    {
        UnitName.MatchKey("sở y tế".Normalize(NormalizationForm.FormD)).ShouldBe(UnitName.MatchKey("Sở Y  tế"));
    }
}
