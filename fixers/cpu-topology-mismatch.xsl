<?xml version="1.0"?>
<!-- cpu-topology-mismatch: make <topology> describe exactly <vcpu> vCPUs.
     Sockets, dies, clusters and threads stay; cores is set to the vCPU count
     divided by their product.  The rule offers the fix only when that
     divides, so there is no other reading of the intended topology.
     Parameters: targets, the vl:id of the <topology>; cores, its new value. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix"
                exclude-result-prefixes="vl">
  <xsl:param name="targets"/>
  <xsl:param name="cores"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="topology">
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:if test="contains($targets, concat(' ', @vl:id, ' ')) and string(number($cores)) = $cores">
        <xsl:attribute name="cores"><xsl:value-of select="$cores"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
