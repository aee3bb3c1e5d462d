package org.jmd.potentials.plip;

/**
 * One three-body term of a centre species, mapped to its neighbours' channels: neighbour species
 * n1 ≤ n2, the row position of the (common) radial in the channels of n1 and of n2, the angular
 * order l and the weight.
 */
record ThreeBodyTerm(int n1, int n2, int position1, int position2, int order, double weight) {}
