namespace Dua.Web.Components;

/// <summary>Where an area's page is: SE the country, two digits a county, four a municipality.</summary>
public static class AreaPages
{
    public static string PathOf(string area) => area switch
    {
        "SE" => "/landet",
        { Length: 2 } => $"/lan/{area}",
        _ => $"/kommun/{area}",
    };
}
