using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Dua.Contracts;

/// <summary>
/// The <c>request_id</c> every dua.v1 write request carries: the client's name for the request, by which a retry is
/// recognised. Found by the field's name, so a new write request needs nothing here.
/// </summary>
public static class RequestIds
{
    public const string FieldName = "request_id";

    /// <summary>The request's id (empty when not given); null when the message has no such field, as reads have not.</summary>
    public static string? Of(IMessage request) =>
        Field(request) is { } field ? (string)field.Accessor.GetValue(request) : null;

    /// <summary>Clears the request's id, where the message has one: what remains is the request's content.</summary>
    public static void Clear(IMessage request) => Field(request)?.Accessor.Clear(request);

    private static FieldDescriptor? Field(IMessage message) =>
        message.Descriptor.FindFieldByName(FieldName) is { FieldType: FieldType.String, IsRepeated: false } field ? field : null;
}
