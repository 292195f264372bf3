/// A base address handed to several threads at once. `@unchecked Sendable` because the compiler
/// cannot see what makes the sharing safe; each user says why at the place it shares (the
/// generator's blocks of viewers, the chunks of a large error measurement, the trainer's blocks
/// of a blocked order).
struct SharedBuffer<Element>: @unchecked Sendable {
  let pointer: UnsafeMutablePointer<Element>
  init(_ pointer: UnsafeMutablePointer<Element>) { self.pointer = pointer }
}
