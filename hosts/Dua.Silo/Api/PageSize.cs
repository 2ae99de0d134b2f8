namespace Dua.Silo.Api;

/// <summary>The paging limits every List method documents in the proto: 0 means the default.</summary>
public static class PageSize
{
    public const int Default = 50;
    public const int Maximum = 100;

    public static int Resolve(int requested, RequestValidator validator)
    {
        if (requested is < 0 or > Maximum)
        {
            validator.Add("page_size", $"must be between 0 and {Maximum}");
            return Default;
        }

        return requested == 0 ? Default : requested;
    }
}
