// std's `PhantomData<T>` (core::marker): a value holding no data that names a type parameter, for a
// datatype that owns no `T` but is generic over it. `Copy` for every `T`, as in std.
verus! {

#[derive(Clone, Copy)]
pub struct PhantomData<T>;

} // verus!
