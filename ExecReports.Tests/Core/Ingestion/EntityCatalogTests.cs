using ExecReports.Core.Primitives;
using ExecReports.Core;
using ExecReports.Core.Ingestion;
using ExecReports.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ExecReports.Tests.Core.Ingestion;

public class EntityCatalogTests
{
    private const string File = "catalog-under-test.yaml";
    private static string SampleFile => Path.Combine(RepoPaths.Samples, "entities.yaml");

    [Fact]
    public void LoadsTheSampleCatalogWithTheSevenSharedEntities()
    {
        var catalog = EntityCatalogLoader.Load(SampleFile);

        Assert.Equal(
            ["jada", "queenofsandiego", "quickdumpnow", "dangerouscentaur", "rental-3028-51st", "expert-yacht-delivery", "dangerouscentaur-portfolio"],
            catalog.Entities.Select(e => e.Id));
        Assert.Equal(4, catalog.Entities.Count(e => e.Kind == EntityKind.Business));
        Assert.Equal("JADA", catalog.ById("jada")!.Name);
        Assert.Contains("jada-exec-reports", catalog.Buckets);
        Assert.Contains("expertyachtdelivery.com", catalog.Domains);
        Assert.Equal(["owner@example.com"], catalog.ById("jada")!.Recipients.To);
        Assert.Same(Recipients.None, catalog.ById("quickdumpnow")!.Recipients);
    }

    [Fact]
    public void FindsEntitiesByIdNameOrAliasIgnoringCase()
    {
        var catalog = EntityCatalogLoader.Load(SampleFile);

        Assert.Equal("jada", catalog.Find("SHIPCAPTAINCREW")!.Id);
        Assert.Equal("queenofsandiego", catalog.ByName("queenofsandiego")!.Id);
        Assert.Equal("rental-3028-51st", catalog.Find("3028 51st St Rental")!.Id);
        Assert.Equal("expert-yacht-delivery", catalog.ByAlias("eyd")!.Id);
        Assert.Null(catalog.Find("NoSuchBusiness"));
    }

    [Fact]
    public void RejectsDuplicateIdsNamingFileLineAndField()
    {
        var yaml = new CatalogYamlBuilder().Entity("acme", "Acme").Entity("acme", "Acme Two").Build();
        var secondLine = CatalogYamlBuilder.LineOf(yaml, "name: Acme Two") - 1;

        var error = Assert.Throws<CatalogException>(() => EntityCatalogLoader.Parse(yaml, File));

        Assert.Contains($"{File}:{secondLine}: entities[1].id: duplicate id 'acme' (first defined on line 2)", error.Message);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("name")]
    [InlineData("kind")]
    public void RejectsAnEntityWithoutARequiredField(string missing)
    {
        var yaml = new CatalogYamlBuilder().Entity(
            id: missing == "id" ? null : "acme",
            name: missing == "name" ? null : "Acme",
            kind: missing == "kind" ? null : "business").Build();

        var error = Assert.Throws<CatalogException>(() => EntityCatalogLoader.Parse(yaml, File));

        Assert.Contains($"{File}:2: entities[0].{missing}: is missing", error.Message);
    }

    [Theory]
    [InlineData("https://acme.com")]
    [InlineData("acme")]
    [InlineData("-acme.com")]
    [InlineData("acme..com")]
    [InlineData("ac_me.com")]
    public void RejectsAMalformedDomain(string domain)
    {
        var yaml = new CatalogYamlBuilder().Entity(domains: ["good.example.com", domain]).Build();

        var error = Assert.Throws<CatalogException>(() => EntityCatalogLoader.Parse(yaml, File));

        var line = CatalogYamlBuilder.LineOf(yaml, "domains:");
        Assert.Contains($"{File}:{line}: entities[0].domains[1]: domain '{domain}'", error.Message);
        Assert.DoesNotContain("domains[0]", error.Message);
    }

    [Fact]
    public void RejectsABucketNameThatBreaksS3Rules()
    {
        var yaml = new CatalogYamlBuilder().Entity(buckets: ["acme-assets", "Acme_Assets"]).Build();

        var error = Assert.Throws<CatalogException>(() => EntityCatalogLoader.Parse(yaml, File));

        var line = CatalogYamlBuilder.LineOf(yaml, "buckets:");
        Assert.Contains($"{File}:{line}: entities[0].buckets[1]: bucket name 'Acme_Assets' may only contain lowercase letters", error.Message);
    }

    [Fact]
    public void RejectsUnknownKeysAtEveryLevel()
    {
        var yaml = "owner: someone\n" + new CatalogYamlBuilder().Entity(extraLines: ["domian: acme.com", "stack:", "  - { name: Node, flavour: 20 }"]).Build();

        var error = Assert.Throws<CatalogException>(() => EntityCatalogLoader.Parse(yaml, File));

        Assert.Contains($"{File}:1: owner: unknown key 'owner'", error.Message);
        Assert.Contains($"{File}:{CatalogYamlBuilder.LineOf(yaml, "domian")}: entities[0].domian: unknown key 'domian'", error.Message);
        Assert.Contains($"{File}:{CatalogYamlBuilder.LineOf(yaml, "flavour")}: entities[0].stack[0].flavour: unknown key 'flavour'", error.Message);
    }

    [Fact]
    public void RejectsCatalogDefaultRecipientsSayingWhereTheyLiveNow()
    {
        var yaml = "defaultRecipients:\n  to: [owner@example.com]\n" + new CatalogYamlBuilder().Entity().Build();

        var error = Assert.Throws<CatalogException>(() => EntityCatalogLoader.Parse(yaml, File));

        Assert.Contains($"{File}:1: defaultRecipients: is no longer read: the default report recipients are Email:Recipients:Default", error.Message);
        Assert.DoesNotContain("unknown key", error.Message);
    }

    [Theory]
    [InlineData("company")]
    [InlineData("1")]
    public void RejectsAKindThatIsNeitherBusinessNorDomain(string kind)
    {
        var yaml = new CatalogYamlBuilder().Entity(kind: kind).Build();

        var error = Assert.Throws<CatalogException>(() => EntityCatalogLoader.Parse(yaml, File));

        Assert.Contains($"{File}:{CatalogYamlBuilder.LineOf(yaml, "kind:")}: entities[0].kind: '{kind}' is not a kind", error.Message);
    }

    [Fact]
    public void ReportsEveryProblemInOneError()
    {
        var yaml = new CatalogYamlBuilder()
            .Entity("acme", "Acme", "corporation")
            .Entity("beta", null, "domain", buckets: ["xn--beta"])
            .Entity("acme", "Acme Again", "business")
            .Build();

        var error = Assert.Throws<CatalogException>(() => EntityCatalogLoader.Parse(yaml, File));

        Assert.Equal(4, error.Problems.Count);
        Assert.Equal(["entities[0].kind", "entities[1].name", "entities[1].buckets[0]", "entities[2].id"], error.Problems.Select(p => p.Field));
    }

    [Fact]
    public void ReportsYamlSyntaxErrorsWithTheirLine()
    {
        const string yaml = "entities:\n  - id: acme\n    name: [unclosed\n";

        var error = Assert.Throws<CatalogException>(() => EntityCatalogLoader.Parse(yaml, File));

        Assert.Matches($@"{File}:\d+: yaml: ", error.Message);
    }

    [Fact]
    public void RejectsAMissingFileNamingIt()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("nope.yaml");

        var error = Assert.Throws<CatalogException>(() => EntityCatalogLoader.Load(path));

        Assert.Contains($"'{path}'", error.Message);
        Assert.Contains("cannot be read", error.Message);
    }

    [Theory]
    [InlineData("jada-site-assets")]
    [InlineData("queenofsandiego-web")]
    [InlineData("a.b-c")]
    [InlineData("abc")]
    public void AcceptsValidBucketNames(string name) => Assert.Empty(S3BucketName.Validate(name));

    [Theory]
    [InlineData("ab", "3 to 63")]
    [InlineData("UpperCase", "lowercase")]
    [InlineData("-leading", "start and end")]
    [InlineData("trailing.", "start and end")]
    [InlineData("two..dots", "adjacent periods")]
    [InlineData("192.168.5.4", "IP address")]
    [InlineData("xn--bucket", "'xn--'")]
    [InlineData("sthree-bucket", "'sthree-'")]
    [InlineData("amzn-s3-demo-bucket", "'amzn-s3-demo-'")]
    [InlineData("bucket-s3alias", "'-s3alias'")]
    [InlineData("bucket--ol-s3", "'--ol-s3'")]
    [InlineData("bucket.mrap", "'.mrap'")]
    [InlineData("bucket--x-s3", "'--x-s3'")]
    public void RejectsBucketNamesBreakingEachS3Rule(string name, string expected) =>
        Assert.Contains(S3BucketName.Validate(name), p => p.Contains(expected, StringComparison.Ordinal));

    [Fact]
    public void RejectsABucketNameLongerThanSixtyThreeCharacters() =>
        Assert.Contains(S3BucketName.Validate(new string('a', 64)), p => p.Contains("3 to 63", StringComparison.Ordinal));

    [Fact]
    public async Task HostRefusesToStartOnABrokenCatalog()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("entities.yaml");
        var yaml = new CatalogYamlBuilder().Entity(kind: "company").Build();
        await System.IO.File.WriteAllTextAsync(path, yaml);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddJsonFile(System.IO.Path.Combine(RepoPaths.Root, "appsettings.json"));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ExecReports:DataPath"] = temp.Combine("data"),
            ["Data:EntitiesFile"] = path,
        });
        builder.Services.AddExecReportsCore(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<CatalogException>(() => host.StartAsync());

        Assert.Contains($"{path}:{CatalogYamlBuilder.LineOf(yaml, "kind:")}: entities[0].kind: 'company' is not a kind", error.Message);
    }

    [Fact]
    public async Task ReloadsAnEditedCatalogAndKeepsTheLastGoodOneWhenAnEditBreaksIt()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("entities.yaml");
        await System.IO.File.WriteAllTextAsync(path, new CatalogYamlBuilder().Entity("acme", "Acme").Build());
        await using var services = new CoreServicesBuilder(temp.Combine("data")).With("Data:EntitiesFile", path).Build();
        var provider = services.GetRequiredService<EntityCatalogProvider>();
        Assert.Equal(["acme"], provider.Current.Entities.Select(e => e.Id));

        await System.IO.File.WriteAllTextAsync(path, new CatalogYamlBuilder().Entity("acme", "Acme").Entity("beta", "Beta").Build());
        Assert.Equal(["acme", "beta"], provider.Current.Entities.Select(e => e.Id));

        await System.IO.File.WriteAllTextAsync(path, new CatalogYamlBuilder().Entity("acme", "Acme").Entity("beta", "Beta", "corporation").Build());
        Assert.Equal(["acme", "beta"], provider.Current.Entities.Select(e => e.Id));
        Assert.Contains("'corporation' is not a kind", provider.LastError!.Message);
    }
}
