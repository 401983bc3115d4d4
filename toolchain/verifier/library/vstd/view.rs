// vstd::view: the `View` trait, a value's mathematical abstraction. `x@` is `x.view()` for a type
// that implements it (a crate's `impl View for S { type V = ..; open spec fn view(&self) -> .. }`);
// generic code bounded by `T: View` calls it through the trait. vstd's impls for its own and
// std's types (`Vec`, `&A`, `Box<A>`, ..) are the verifier's built-in views instead.
verus! {

pub trait View {
    type V;

    spec fn view(&self) -> Self::V;
}

} // verus!
