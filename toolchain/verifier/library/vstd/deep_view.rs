// vstd::view::DeepView: a value's view all the way down (of a `Vec<T>` the sequence of its
// elements' deep views). A crate's datatype gets it from `#[make_spec_type]` / `#[self_view]`
// (spec-derive.ts) or an impl; integers, `bool`, `char`, strings, references, boxes, vectors,
// slices, arrays, tuples and `Option` have the verifier's built-in deep views (check/deep-view.ts).
// Read only by a crate that names it and does not define a trait of that name itself.
verus! {

/// A value's view all the way down: of a `Vec<T>` the sequence of its elements' deep views. A
/// crate's datatype gets it from `#[make_spec_type]` / `#[self_view]` (or an impl); integers,
/// `bool`, `char`, strings, references, boxes, vectors, slices, arrays, tuples and `Option` have
/// the verifier's built-in deep views.
pub trait DeepView {
    type V;

    spec fn deep_view(&self) -> Self::V;
}

} // verus!
