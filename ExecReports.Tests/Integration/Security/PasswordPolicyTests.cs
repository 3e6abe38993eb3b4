using ExecReports.Web.Security;

namespace ExecReports.Tests.Integration.Security;

public class PasswordPolicyTests
{
    [Fact]
    public void ShipsAListOfTensOfThousandsOfCommonPasswords()
    {
        Assert.InRange(CommonPasswordValidator.ListSize, 40_000, 100_000);
    }

    [Theory]
    [InlineData("QazWsxEdcRfv")]
    [InlineData("Password2024!")]
    [InlineData("  LetMeIn123456  ")]
    [InlineData("leavemealone")]
    public void RecognisesCommonPasswordsAndTheirDecoratedForms(string password)
    {
        Assert.True(CommonPasswordValidator.IsCommon(password));
    }

    [Theory]
    [InlineData("harbour lantern violet")]
    [InlineData("Test-Admin-Passw0rd!")]
    public void LetsAnUncommonPasswordThrough(string password)
    {
        Assert.False(CommonPasswordValidator.IsCommon(password));
    }
}
